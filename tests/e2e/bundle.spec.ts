// Exporting a bundle through the UI, then checking it with standard tools only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, SAMPLE_BOXES, stored } from './app';
import { HARBOUR, fixture } from './fixtures';
import { chooseBundle, exportBundle } from './flows';

test('the sample case exports as a bundle that unzip -t and sha256sum -c accept', async ({ page }) => {
  await openApp(page);
  const zip = await exportBundle(page);
  expect(basename(zip)).toMatch(/^Sample-synthetic-port-not-real-imagery-\d{4}-\d{2}-\d{2}\.evidence\.zip$/);
  const dir = dirname(zip);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();
  // The export is in the case's chain of custody, after the records the bundle carries.
  await page.getByText(/^Case history/).click();
  await expect(page.getByRole('list', { name: 'Case history' })).toContainText(`Ana Analyst · exported as bundle ${basename(zip)}`);

  expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toContain('No errors detected');
  execFileSync('unzip', ['-q', zip, '-d', join(dir, 'x')]);
  const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'x'), encoding: 'utf8' });
  expect(sums).toContain('case.json: OK');
  expect(sums).toMatch(/images\/[0-9a-f]{64}\.png: OK/);
  expect(sums).toContain('exports/coco.json: OK');
  expect(sums).toContain('overlays/synthetic-port-scene.jpg: OK');
  expect(sums).toContain('report.html: OK');
  expect(sums).toContain('exports/dota/synthetic-port-scene.txt: OK');
  expect(sums).not.toContain('FAILED');
  const coco = JSON.parse(readFileSync(join(dir, 'x', 'exports', 'coco.json'), 'utf8'));
  expect(coco.annotations).toHaveLength(SAMPLE_BOXES);

  const manifest = JSON.parse(readFileSync(join(dir, 'x', 'manifest.json'), 'utf8'));
  expect(manifest).toMatchObject({ format: 'evidence-bundle', formatVersion: 1, exportedBy: 'Ana Analyst', counts: { images: 1, annotations: SAMPLE_BOXES, claims: 3 } });
  const caseJson = JSON.parse(readFileSync(join(dir, 'x', 'case.json'), 'utf8'));
  expect(caseJson.annotations).toHaveLength(SAMPLE_BOXES);
  const audit = readFileSync(join(dir, 'x', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(audit.at(-1).hash).toBe(manifest.auditHead);

  // report.html opens offline: nothing is requested but the bundle's own files.
  const reader = await page.context().newPage();
  const requests: string[] = [];
  reader.on('request', (r) => requests.push(r.url()));
  await reader.goto(`file://${join(dir, 'x', 'report.html')}`);
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Sample: synthetic port (not real imagery)');
  await expect(reader.getByText('sha256sum -c SHA256SUMS').first()).toBeVisible();
  await expect(reader.locator('img[src^="data:image/jpeg;base64,"]')).toHaveCount(7);
  expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
  await reader.close();

  // The check docs/bundle-format.md gives readers without the app verifies this audit log.
  const docs = readFileSync('docs/bundle-format.md', 'utf8');
  const script = /```js\n([\s\S]*?)```/.exec(docs)![1]!;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: join(dir, 'x'), encoding: 'utf8' });
  expect(out.trim()).toBe(`audit chain verifies; head ${manifest.auditHead}`);
});

test('a bundle imports into a fresh profile with every record, a second import changes nothing, a non-bundle is refused', async ({ page, browser }) => {
  await openApp(page);
  const zip = await exportBundle(page);
  const exported = await stored(page);

  const fresh = await browser.newPage();
  await openApp(fresh, 'Ben Reviewer');
  await fresh.getByRole('button', { name: 'Delete case' }).click();
  await fresh.getByRole('dialog', { name: 'Delete case' }).getByRole('button', { name: 'Delete case' }).click();
  await expect(fresh.getByLabel('Case', { exact: true }).locator('option')).toHaveText(['No cases']);

  const importIt = (file: string) => chooseBundle(fresh, file);
  await importIt(zip);
  const preview = fresh.getByRole('dialog', { name: 'Import bundle' });
  await expect(preview).toContainText('exported by Ana Analyst');
  await expect(preview.getByRole('table', { name: 'What the import changes' })).toContainText(`Boxes${SAMPLE_BOXES}00`);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(fresh.getByRole('status').filter({ hasText: /Imported \d+ records/ })).toBeVisible();
  await expect(fresh.getByText(`2400 × 1600 px · ${SAMPLE_BOXES} boxes`)).toBeVisible();

  const imported = await stored(fresh);
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(imported.annotations)).toEqual(byId(exported.annotations));
  expect(byId(imported.images)).toEqual(byId(exported.images));

  await importIt(zip);
  await expect(preview).toContainText('Everything in this bundle is already here');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(fresh.getByRole('status').filter({ hasText: 'Nothing to import' })).toBeVisible();
  expect((await stored(fresh)).audit).toBe(imported.audit);

  const notABundle = join(mkdtempSync(join(tmpdir(), 'bad-')), 'photo.zip');
  writeFileSync(notABundle, readFileSync(fixture(HARBOUR.name)));
  await importIt(notABundle);
  await expect(fresh.getByRole('alert')).toContainText('photo.zip');
  await expect(fresh.getByRole('alert')).toContainText('Nothing was imported.');
  expect((await stored(fresh)).audit).toBe(imported.audit);
});
