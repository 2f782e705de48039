// Starts imports into the open case and opens the first new image.
import { useCallback } from 'react';
import { deriveImages } from '../../platform/deriveImages';
import { importImages, type ImportFile } from '../../state/importImages';
import { useServices } from '../app/services';
import { useImportStatus } from './importStatus';
import { messageOf } from '../../model/errorMessage';

export function useImport() {
  const services = useServices();

  const importFiles = useCallback(
    async (files: readonly ImportFile[]) => {
      const caseId = services.session.getState().caseId;
      if (files.length === 0) return;
      if (!caseId) {
        useImportStatus.setState({ failure: 'Create or open a case before importing images. Nothing was imported.', outcomes: [] });
        return;
      }
      if (useImportStatus.getState().running) {
        const what = files.length === 1 ? `${files[0]!.name} was` : `${files.length} files were`;
        useImportStatus.setState({ failure: `An import is still running: ${what} not imported. Add them again when it has finished.` });
        return;
      }
      useImportStatus.setState({ running: true, outcomes: [], failure: null, progress: { done: 0, total: files.length, current: '' } });
      try {
        const outcomes = await services.work.during(() => importImages(services, caseId, files, deriveImages, (progress) => useImportStatus.setState({ progress })));
        useImportStatus.setState({ outcomes });
        // Large images get their tile pyramids in the background, one after another.
        for (const o of outcomes) if (o.kind === 'imported') void services.tiles.ensure(o.image);
        const first = outcomes.find((o) => o.kind === 'imported') ?? outcomes.find((o) => o.kind === 'duplicate');
        // Open what arrived, unless the user has moved to another case meanwhile.
        if (first && services.session.getState().caseId === caseId) services.session.getState().openImage(first.kind === 'imported' ? first.image.id : first.existing.id);
      } finally {
        useImportStatus.setState({ running: false, progress: null });
      }
    },
    [services],
  );

  const pickAndImport = useCallback(async () => {
    try {
      await importFiles(await services.platform.pickImages());
    } catch (error) {
      useImportStatus.setState({ failure: `The file dialog failed: ${messageOf(error)}. Nothing was imported.` });
    }
  }, [importFiles, services]);

  return { importFiles, pickAndImport };
}
