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
import { InOrder } from '../../state/inOrder';
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
    // Actions run in the order they were asked for. Most read the open image before they queue
    // their command, so without this an undo pressed just after a drag could be queued before
    // the drag's move and undo the step before it.
    const order = new InOrder();
    const inOrder = <A extends unknown[], R>(action: (...args: A) => Promise<R>) => order.wrap(action);

    // Undo and redo first open the image they change, so nothing changes out of sight.
    const showImageOf = (command: Command | undefined) => {
      const imageId = imageOfCommand(command);
      if (imageId && imageId !== state().imageId) state().openImage(imageId);
    };
    return {
      undo: inOrder(async () => {
        showImageOf(history.nextUndo());
        const undone = await history.undo();
        // An import undone: the image panel opens another image in place of one that went.
        if (imagesAddedBy(undone).includes(state().imageId ?? '')) state().openImage(null);
        return undone;
      }),
      redo: inOrder(async () => {
        showImageOf(history.nextRedo());
        const redone = await history.redo();
        const [broughtBack] = imagesAddedBy(redone);
        if (broughtBack) state().openImage(broughtBack);
        return redone;
      }),
      create: inOrder(async (geometry: BoxGeometry) => {
        const image = await openImage();
        if (!image) return;
        const label = effectiveLabel(state().activeLabel, caseLabels(await getCase(db, image.caseId)));
        selectCreated(await createBoxes(services, image, [{ label, geometry }]));
      }),
      deleteSelected: inOrder(async () => {
        if (selection().length === 0) return;
        await deleteBoxes(services, selection());
        state().select([]);
      }),
      move: inOrder(move),
      nudge: inOrder((dx: number, dy: number) => move(selection(), dx, dy)),
      reshape: inOrder((geometries: ReadonlyMap<Id, BoxGeometry>) =>
        updateBoxes(services, [...geometries.keys()], 'Resize or rotate', (a) => ({ geometry: geometries.get(a.id) ?? a.geometry })),
      ),
      copy: inOrder(async () => {
        if (selection().length) state().setClipboard(await copyBoxes(services, selection()));
      }),
      paste: inOrder(async () => {
        const image = await openImage();
        if (image && state().clipboard.length) selectCreated(await pasteBoxes(services, image, state().clipboard));
      }),
      duplicate: inOrder(async () => {
        const image = await openImage();
        if (image && selection().length) selectCreated(await pasteBoxes(services, image, await copyBoxes(services, selection()), 'Duplicate'));
      }),
      selectAll: inOrder(async () => {
        const id = state().imageId;
        if (id) state().select((await listAnnotations(db, id)).map((a) => a.id));
      }),
      relabel: inOrder((label: string) => updateBoxes(services, selection(), 'Change label', () => ({ label }))),
      /** Shift+digit: the label for new boxes, given to the selected boxes as well. */
      chooseLabel: inOrder(async (label: string) => {
        state().setActiveLabel(label);
        if (selection().length) await updateBoxes(services, selection(), 'Change label', () => ({ label }));
      }),
    };
  }, [services]);
}
