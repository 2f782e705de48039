// First run: the sample case explains the app; the web build talks to nothing but its server.
import { expect, test } from '@playwright/test';
import { annotationRows, canvas, networkWatch, openApp, SAMPLE_BOXES } from './app';

test('first run opens the synthetic sample case with example boxes, offline', async ({ page, context, baseURL }) => {
  const network = networkWatch(baseURL!);
  await network.watch(context);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await openApp(page);
  await expect(page.getByLabel('Case', { exact: true }).locator('option:checked')).toHaveText('Sample: synthetic port (not real imagery)');
  await expect(page.getByRole('button', { name: /Synthetic port scene/ })).toBeVisible();
  await expect(annotationRows(page)).toHaveCount(SAMPLE_BOXES);
  await expect(page.getByRole('table', { name: 'Counts per label' })).toContainText('ship');
  await expect(canvas(page)).toBeVisible();
  await page.getByText('Provenance', { exact: true }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Synthetic port scene (generated sample, not real imagery)');
  await page.getByText('Provenance', { exact: true }).click();

  // Select the named ship so the screenshot shows the handles too.
  await annotationRows(page).filter({ hasText: 'SYNTHETIC VESSEL A' }).click();
  await page.keyboard.press('0');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  // `npm run screenshot` refreshes the README's picture; ordinary runs leave the tree untouched.
  await page.screenshot({ path: process.env.UPDATE_SCREENSHOT ? 'docs/screenshot.png' : 'test-results/screenshot.png' });

  expect(network.summary().foreign).toEqual([]);
  expect(errors).toEqual([]);
});
