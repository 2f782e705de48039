// "Export annotations": choose a format and whether the open image or the whole case, see before
// saving whether rotated boxes will lose their rotation, then save one file (or a .zip).
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ANNOTATION_FORMATS, exportAnnotations, FORMAT_NAMES, rotatedBoxNotice, type AnnotationFormat, type ExportScope } from '../../bundle/annotationExport';
import { readCaseRecords } from '../../db/caseRecords';
import { recordExport } from '../../db/exportRecords';
import type { Id } from '../../model/records';
import type { FileSink } from '../../platform/fileSink';
import { useServices } from '../app/services';
import { Dialog } from '../common/Dialog';
import { messageOf } from '../../model/errorMessage';

interface Props {
  caseId: Id;
  /** The image open on the canvas, if any. */
  imageId: Id | null;
  onExported(message: string): void;
  onCancel(): void;
}

export function ExportAnnotationsDialog({ caseId, imageId, onExported, onCancel }: Props) {
  const services = useServices();
  const snapshot = useLiveQuery(async () => (await readCaseRecords(services.db, caseId)).caseJson, [services.db, caseId]);
  const [format, setFormat] = useState<AnnotationFormat>('coco');
  const [wholeCase, setWholeCase] = useState(!imageId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const openImage = imageId ? snapshot?.images.find((i) => i.id === imageId) : undefined;
  const scope: ExportScope = !wholeCase && imageId ? { kind: 'image', imageId } : { kind: 'case' };
  const notice = snapshot && (scope.kind === 'case' || openImage) ? rotatedBoxNotice(snapshot, format, scope) : null;

  const run = async () => {
    if (!snapshot || busy) return;
    setProblem(null);
    let sink: FileSink | null = null;
    let saved: string | null = null;
    try {
      const out = exportAnnotations(snapshot, format, scope);
      setBusy(true);
      sink = await services.platform.saveFile(out.fileName, out.mediaType);
      if (!sink) return;
      await sink.write(out.bytes);
      await sink.close();
      const what = `${out.boxes} ${out.boxes === 1 ? 'box' : 'boxes'} as ${FORMAT_NAMES[format]}`;
      saved = `Exported ${what} to ${sink.name}.`;
      const where = scope.kind === 'image' ? { scope: scope.kind, imageId: scope.imageId } : { scope: scope.kind };
      await recordExport(services.db, caseId, services.author(), { kind: 'annotations', file: sink.name, format, boxes: out.boxes, ...where });
      onExported(`${saved}${out.notice ? ` ${out.notice}` : ''}`);
    } catch (error) {
      if (saved) return setProblem(`${saved} But the audit record of the export could not be saved: ${messageOf(error)}`);
      await sink?.abort().catch(() => undefined);
      setProblem(`${messageOf(error)} Nothing was saved.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export annotations" submitLabel={busy ? 'Exporting…' : 'Export'} onSubmit={() => void run()} onCancel={onCancel}>
      <label className="field">
        Format
        <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as AnnotationFormat)}>
          {ANNOTATION_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="relation">
        <legend>Scope</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope.kind === 'image'} disabled={!imageId} onChange={() => setWholeCase(false)} /> Open image
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope.kind === 'case'} onChange={() => setWholeCase(true)} /> Whole case
        </label>
      </fieldset>
      <p className="muted small">
        {!snapshot
          ? 'Reading the case…'
          : scope.kind === 'image'
            ? `The boxes on ${openImage?.fileName ?? 'the open image'}.`
            : `The boxes on all ${snapshot.images.length} ${snapshot.images.length === 1 ? 'image' : 'images'} of the case.`}
      </p>
      {notice && (
        <p role="status" className="small">
          {notice}
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
