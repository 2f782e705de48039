// The built-in sample case shown on first run: a synthetic port scene drawn by the app's own
// code, with example boxes, so the app shows its purpose before the user has data of their own.
import { applyChanges } from '../db/changes';
import type { Annotation, CaseRecord, ClaimRecord, ImageRecord, LinkRecord } from '../model/records';
import { generatePortScene, sampleAnnotations, type PortScene } from '../sample/portScene';
import type { CommandContext } from './annotationCommands';
import { createCase } from './documentCommands';
import { importImages, type ImageDeriver } from './importImages';

export const SAMPLE_AUTHOR = 'sample generator (synthetic)';
export const SAMPLE_CASE_NAME = 'Sample: synthetic port (not real imagery)';

export async function createSampleCase(
  base: CommandContext,
  renderPng: (scene: PortScene) => Promise<Blob>,
  deriveImages: ImageDeriver,
): Promise<CaseRecord> {
  const ctx = { ...base, author: () => SAMPLE_AUTHOR };
  const scene = generatePortScene();
  const record = await createCase(ctx, SAMPLE_CASE_NAME, scene.description);
  const png = await renderPng(scene);
  const [outcome] = await importImages(ctx, record.id, [{ name: 'synthetic-port-scene.png', size: png.size, read: async () => png }], deriveImages);
  if (outcome?.kind !== 'imported') throw new Error(`the sample image could not be stored: ${outcome?.kind === 'refused' ? outcome.message : 'unknown'}`);
  const before = outcome.image;
  const image: ImageRecord = {
    ...before,
    source: { title: scene.title, publisher: 'Evidence Annotator (generated)', url: '', credit: 'Synthetic scene, generated', licence: 'CC0' },
    // Made up like the scene itself, so the timeline has an image to place.
    capturedAt: '2023-10-12',
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
  const { claims, links } = sampleClaims(record.id, boxes, now);
  await applyChanges(
    ctx.db,
    [
      { table: 'images', id: image.id, caseId: record.id, before, after: image },
      ...boxes.map((a) => ({ table: 'annotations' as const, id: a.id, caseId: record.id, before: null, after: a })),
      ...claims.map((c) => ({ table: 'claims' as const, id: c.id, caseId: record.id, before: null, after: c })),
      ...links.map((l) => ({ table: 'links' as const, id: l.id, caseId: record.id, before: null, after: l })),
    ],
    SAMPLE_AUTHOR,
  );
  return record;
}

const EXAMPLE_NOTE = 'Example claim made up for the synthetic sample scene: not a real statement.';

/** Example claims (fictional, tagged "example") linked to the sample's synthetic boxes. */
function sampleClaims(caseId: string, boxes: readonly Annotation[], now: string): { claims: ClaimRecord[]; links: LinkRecord[] } {
  const claim = (fields: Pick<ClaimRecord, 'statement' | 'claimant' | 'role' | 'claimedAt' | 'quantity' | 'tags'> & { period?: ClaimRecord['period'] }): ClaimRecord => ({
    id: crypto.randomUUID(),
    caseId,
    period: { from: '', to: '' },
    source: { title: 'Example source (fictional)', publisher: '', url: '', accessedAt: '' },
    notes: EXAMPLE_NOTE,
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
  const stockpile = claim({
    statement: '[Example] More than 400 containers were stacked at the terminal when the image was taken.',
    claimant: 'Example port authority (fictional)',
    role: 'Port operator',
    claimedAt: '2023-10',
    period: { from: '2023-10', to: '' },
    quantity: { value: 400, unit: 'containers', qualifier: 'more-than' },
    tags: ['example', 'containers'],
  });
  const berth = claim({
    statement: '[Example] No ship was moored at berth B1 that day.',
    claimant: 'Example ministry spokesperson (fictional)',
    role: 'Spokesperson',
    claimedAt: '2023-10-14',
    quantity: null,
    tags: ['example', 'ships'],
  });
  const unloading = claim({
    statement: '[Example] Two ships were seen unloading containers at the terminal on 12 October.',
    claimant: 'Example shipping monitor (fictional)',
    role: 'Maritime analyst',
    claimedAt: '2023-10-13',
    period: { from: '2023-10-12', to: '2023-10-12' },
    quantity: { value: 2, unit: 'ships', qualifier: 'exactly' },
    tags: ['example', 'ships', 'containers'],
  });
  const link = (box: Annotation, claimId: string, relation: LinkRecord['relation'], note: string): LinkRecord => ({
    id: crypto.randomUUID(),
    caseId,
    annotationId: box.id,
    claimId,
    relation,
    note,
    author: SAMPLE_AUTHOR,
    createdAt: now,
  });
  const stacks = boxes.filter((b) => b.label === 'container stack');
  const named = boxes.find((b) => b.attributes.name);
  const cranes = boxes.filter((b) => b.label === 'crane');
  const moored = boxes.filter((b) => b.label === 'ship' && b.attributes.note?.startsWith('Moored'));
  const links = [
    ...stacks.map((b) => link(b, stockpile.id, 'supports', 'Counted stack')),
    ...cranes.slice(0, 1).map((b) => link(b, stockpile.id, 'context', 'Crane working the stacks')),
    ...(named ? [link(named, berth.id, 'contradicts', 'A ship is moored at B1')] : []),
    ...moored.map((b) => link(b, unloading.id, 'supports', 'Moored at a berth of the terminal, cranes alongside')),
  ];
  return { claims: [stockpile, berth, unloading], links };
}
