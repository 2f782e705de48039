// The history of a box and of a claim, read from the audit log: who changed what, and when (issue #7).
import { expect, test } from '@playwright/test';
import { annotationRows, openApp } from './app';

test('a box and a claim show their history: who created them, and each change in words', async ({ page }) => {
  await openApp(page, 'Bo Reviewer');
  await annotationRows(page).first().click();
  await page.keyboard.press('Shift+Digit2');
  const box = page.getByRole('region', { name: 'Box details' });
  await box.getByText(/^History \(2 changes\)$/).click();
  const entries = box.getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('sample generator (synthetic) · created');
  await expect(entries.nth(1)).toContainText(/Bo Reviewer · label: "\w[\w ]*" → "container"/);

  await page.getByRole('tab', { name: /Claims/ }).click();
  await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().dblclick();
  const claim = page.getByRole('article', { name: 'Claim' });
  await claim.getByText(/^History \(1 change\)$/).click();
  await expect(claim.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveText([/ · sample generator \(synthetic\) · created$/]);
});
