// The editing actions, shared by the toolbar, the keyboard and the native menu.
import { useMemo } from 'react';
import { listAnnotations } from '../../db/annotations';
import { getCase } from '../../db/cases';
import { getImage } from '../../db/images';
import { caseLabels, effectiveLabel } from '../../model/labels';
import type { BoxGeometry } from '../../model/geometry';
import type { Id, ImageRecord } from '../../model/records';
import { imageOfCommand, imagesAddedBy, type Command } from '../../state/history';
import { copyBoxes, createBoxes, deleteBoxes, moveBoxes, pasteBoxes, updateBoxes } from '../../state/annotationCommands';
import { useServices } from '../app/services';

export type AnnotateActions = ReturnType<typeof useAnnotateActions>;

export function useAnnotateActions() {
  const services = useServices();
  return useMemo(() => {
    const { db, session, history } = services;
    const state = () => session.getState();
    const openImage = async (): Promise<ImageRecord | undefined> => {
      const id = state().imageId;
      return id ? getImage(db, id) : undefined;
    };
    const selection = () => state().selectedIds;
    const selectCreated = (created: readonly { id: Id }[]) => state().select(created.map((a) => a.id));
    const move = async (ids: readonly Id[], dx: number, dy: number) => {
      const image = await openImage();
      return image && ids.length ? moveBoxes(services, image, ids, dx, dy) : null;
    };

    // Undo and redo first open the image they change, so nothing changes out of sight.
    const showImageOf = (command: Command | undefined) => {
      const imageId = imageOfCommand(command);
      if (imageId && imageId !== state().imageId) state().openImage(imageId);
    };
    return {
      async undo() {
        showImageOf(history.nextUndo());
        const undone = await history.undo();
        // An import undone: the image panel opens another image in place of one that went.
        if (imagesAddedBy(undone).includes(state().imageId ?? '')) state().openImage(null);
        return undone;
      },
      async redo() {
        showImageOf(history.nextRedo());
        const redone = await history.redo();
        const [broughtBack] = imagesAddedBy(redone);
        if (broughtBack) state().openImage(broughtBack);
        return redone;
      },
      async create(geometry: BoxGeometry) {
        const image = await openImage();
        if (!image) return;
        const label = effectiveLabel(state().activeLabel, caseLabels(await getCase(db, image.caseId)));
        selectCreated(await createBoxes(services, image, [{ label, geometry }]));
      },
      async deleteSelected() {
        if (selection().length === 0) return;
        await deleteBoxes(services, selection());
        state().select([]);
      },
      move,
      nudge: (dx: number, dy: number) => move(selection(), dx, dy),
      reshape(geometries: ReadonlyMap<Id, BoxGeometry>) {
        return updateBoxes(services, [...geometries.keys()], 'Resize or rotate', (a) => ({ geometry: geometries.get(a.id) ?? a.geometry }));
      },
      async copy() {
        if (selection().length) state().setClipboard(await copyBoxes(services, selection()));
      },
      async paste() {
        const image = await openImage();
        if (image && state().clipboard.length) selectCreated(await pasteBoxes(services, image, state().clipboard));
      },
      async duplicate() {
        const image = await openImage();
        if (image && selection().length) selectCreated(await pasteBoxes(services, image, await copyBoxes(services, selection()), 'Duplicate'));
      },
      async selectAll() {
        const id = state().imageId;
        if (id) state().select((await listAnnotations(db, id)).map((a) => a.id));
      },
      relabel: (label: string) => updateBoxes(services, selection(), 'Change label', () => ({ label })),
      /** Shift+digit: the label for new boxes, given to the selected boxes as well. */
      chooseLabel(label: string) {
        state().setActiveLabel(label);
        if (selection().length) return updateBoxes(services, selection(), 'Change label', () => ({ label }));
      },
    };
  }, [services]);
}
