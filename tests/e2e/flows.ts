// Steps of an analyst's session that several specs go through: claims and links, bundles out and in.
// Like app.ts, they act only through the visible controls, the mouse and the keyboard.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Fills the "New claim" form (fields by their label) and saves it. */
export async function newClaim(page: Page, fields: Record<string, string>, qualifier?: string): Promise<void> {
  await page.getByRole('button', { name: 'New claim' }).click();
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  if (qualifier) await dialog.getByLabel('Qualifier').selectOption({ label: qualifier });
  await dialog.getByRole('button', { name: 'Save claim' }).click();
  await expect(dialog).toBeHidden();
}

/** Completes the open "Link to claim" dialog: finds the claim by its text and links the selected boxes. */
export async function linkSelection(page: Page, claimText: string, relation: 'Supports' | 'Contradicts' | 'Context'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Link to claim' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Find claim').fill(claimText);
  await dialog.getByRole('option').filter({ hasText: claimText }).click();
  await dialog.getByRole('radio', { name: relation }).check();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Exports the open case with "Export bundle" and saves the download in a new temporary folder,
 * under `fileName` or else the name the app suggested; returns the saved file's path.
 */
export async function exportBundle(page: Page, fileName?: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'bundle-')), fileName ?? file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Picks a file with "Import bundle"; the preview (or a refusal) follows. */
export async function chooseBundle(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle' }).click();
  await (await chooser).setFiles(path);
}

/** Imports a bundle as its own case, or into the open case, and waits for the report. */
export async function importBundle(page: Page, path: string, into: 'own' | 'open'): Promise<void> {
  await chooseBundle(page, path);
  const preview = page.getByRole('dialog', { name: 'Import bundle' });
  if (into === 'open') {
    // The preview is worked out again for the new target before the choice shows as made.
    await preview.getByLabel('Into the open case').click();
    await expect(preview.getByLabel('Into the open case')).toBeChecked();
  }
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ records/ })).toBeVisible();
}
