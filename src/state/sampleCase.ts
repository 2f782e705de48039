// The built-in sample case shown on first run: a synthetic port scene drawn by the app's own
// code, with example boxes, so the app shows its purpose before the user has data of their own.
import { applyChanges } from '../db/changes';
import type { Annotation, CaseRecord, ImageRecord } from '../model/records';
import { generatePortScene, sampleAnnotations, type PortScene } from '../sample/portScene';
import type { CommandContext } from './annotationCommands';
import { createCase } from './documentCommands';
import { importImages, type ThumbnailMaker } from './importImages';

export const SAMPLE_AUTHOR = 'sample generator (synthetic)';
export const SAMPLE_CASE_NAME = 'Sample: synthetic port (not real imagery)';

export async function createSampleCase(
  base: CommandContext,
  renderPng: (scene: PortScene) => Promise<Blob>,
  makeThumbnail: ThumbnailMaker,
): Promise<CaseRecord> {
  const ctx = { ...base, author: () => SAMPLE_AUTHOR };
  const scene = generatePortScene();
  const record = await createCase(ctx, SAMPLE_CASE_NAME, scene.description);
  const png = await renderPng(scene);
  const [outcome] = await importImages(ctx, record.id, [{ name: 'synthetic-port-scene.png', size: png.size, read: async () => png }], makeThumbnail);
  if (outcome?.kind !== 'imported') throw new Error(`the sample image could not be stored: ${outcome?.kind === 'refused' ? outcome.message : 'unknown'}`);
  const before = outcome.image;
  const image: ImageRecord = {
    ...before,
    source: { title: scene.title, publisher: 'Evidence Annotator (generated)', url: '', credit: 'Synthetic scene, generated', licence: 'CC0' },
    notes: scene.description,
  };
  const now = new Date().toISOString();
  const boxes: Annotation[] = sampleAnnotations(scene).map((a) => ({
    id: crypto.randomUUID(),
    imageId: image.id,
    caseId: record.id,
    label: a.label,
    geometry: a.geometry,
    attributes: { ...a.attributes },
    author: SAMPLE_AUTHOR,
    createdAt: now,
    updatedAt: now,
    revision: 1,
  }));
  await applyChanges(
    ctx.db,
    [
      { table: 'images', id: image.id, caseId: record.id, before, after: image },
      ...boxes.map((a) => ({ table: 'annotations' as const, id: a.id, caseId: record.id, before: null, after: a })),
    ],
    SAMPLE_AUTHOR,
  );
  return record;
}
