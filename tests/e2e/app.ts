// Helpers that act as a person would: through the visible controls, the mouse and the keyboard.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { fitViewport } from '../../src/canvas/viewport';
import type { Annotation, ImageRecord } from '../../src/model/records';

export const SAMPLE_BOXES = 11;

/** Opens the app on a fresh profile, answers the name question and waits for the sample case. */
export async function openApp(page: Page, name = 'Ana Analyst'): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(annotationRows(page)).toHaveCount(SAMPLE_BOXES);
}

/** Changes the analyst's name through the header's "Analyst: …" button. */
export async function changeAnalystName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Analyst:/ }).click();
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: `Analyst: ${name}` })).toBeVisible();
}

export const annotationRows = (page: Page) => page.getByRole('listbox', { name: 'Annotations' }).getByRole('option');
export const canvas = (page: Page) => page.getByRole('region', { name: 'Image canvas' });

export async function newCase(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Case name').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Case', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Case', { exact: true }).locator('option:checked')).toHaveText(name);
}

export async function importThroughChooser(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import images' }).click();
  await (await chooser).setFiles(files);
}

/**
 * Opens the app, creates a case, imports one synthetic image through the file chooser and
 * fits it; returns the image-pixel-to-page mapping. Leaves the box tool chosen.
 */
export async function caseWithImage(page: Page, caseName: string, image: { name: string; width: number; height: number }, file: string, analyst?: string) {
  await openApp(page, analyst);
  await newCase(page, caseName);
  await importThroughChooser(page, [file]);
  await expect(page.getByText(`${image.width} × ${image.height} px · 0 boxes`)).toBeVisible();
  await page.keyboard.press('0');
  const at = await fittedMapping(page, image);
  await page.keyboard.press('b');
  return at;
}

/** Maps image pixels to page coordinates for an image shown fitted (press 0 first). */
export async function fittedMapping(page: Page, image: { width: number; height: number }) {
  const box = (await canvas(page).boundingBox())!;
  const vp = fitViewport(image, { width: box.width, height: box.height });
  return (x: number, y: number) => ({ x: box.x + vp.x + x * vp.scale, y: box.y + vp.y + y * vp.scale });
}

export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Reads stored records straight from IndexedDB: for assertions only, never to drive the app. */
export async function stored(page: Page): Promise<{ annotations: Annotation[]; images: ImageRecord[]; blobs: number; audit: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('evidence-annotator');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const result = { annotations: await all<Annotation>('annotations'), images: await all<ImageRecord>('images'), blobs: await count('blobs'), audit: await count('audit') };
    db.close();
    return result;
  });
}

/** The stored boxes of the (one) image with this file name. */
export async function boxesOf(page: Page, fileName: string): Promise<Annotation[]> {
  const { images, annotations } = await stored(page);
  const ids = new Set(images.filter((i) => i.fileName === fileName).map((i) => i.id));
  return annotations.filter((a) => ids.has(a.imageId));
}

/** The zoom, and the part of the image in view around the point at its middle, as the status bar reports them. */
export async function viewState(page: Page) {
  const box = (await canvas(page).boundingBox())!;
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // The status bar reads the cursor only when the pointer moves.
  await page.mouse.move(middle.x + 1, middle.y);
  await page.mouse.move(middle.x, middle.y);
  const position = page.getByLabel('Cursor position');
  await expect(position).toHaveText(/^x \d+, y \d+ px$/);
  const [x, y] = (await position.textContent())!.match(/\d+/g)!.map(Number) as [number, number];
  const scale = Number((await page.getByLabel('Zoom level').textContent())!.match(/[\d.]+/)![0]) / 100;
  const half = { x: box.width / 2 / scale, y: box.height / 2 / scale };
  return { scale, centre: { x, y }, inView: { minX: x - half.x, maxX: x + half.x, minY: y - half.y, maxY: y + half.y } };
}

/**
 * Watches browser contexts for traffic that leaves the app's origin (issue #7: no network). Every
 * request of their pages and workers is recorded, and one for another origin is also aborted, so
 * that a leak breaks the step that needed it as well as failing the final check. The app's
 * Content Security Policy stops most such requests before they become requests at all, so the
 * attempts it stops in a page are recorded too. Besides the origin only data: URLs pass, which
 * never reach a network (blob: URLs carry the origin they were made in).
 */
export function networkWatch(baseURL: string) {
  const origin = new URL(baseURL).origin;
  const originOf = (url: string) => {
    try {
      return new URL(url).origin;
    } catch {
      return null; // CSP names "inline" or "eval" where no URL was blocked
    }
  };
  const local = (url: string) => url.startsWith('data:') || originOf(url) === origin;
  const requests: string[] = [];
  const foreign = new Set<string>();
  const note = (url: string) => {
    if (!local(url)) foreign.add(url);
  };
  return {
    origin,
    async watch(context: BrowserContext): Promise<void> {
      context.on('request', (r) => {
        requests.push(r.url());
        note(r.url());
      });
      // Redundant while every failed request was announced first, but costs nothing if one was not.
      context.on('requestfailed', (r) => note(r.url()));
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (local(url)) return route.fallback();
        note(url);
        return route.abort('blockedbyclient');
      });
      await context.exposeBinding('reportBlockedByPolicy', (_source, url: string) => {
        if (originOf(url) !== null) note(url);
      });
      await context.addInitScript(() => {
        const page = window as unknown as { reportBlockedByPolicy: (url: string) => Promise<void> };
        document.addEventListener('securitypolicyviolation', (e) => void page.reportBlockedByPolicy(e.blockedURI));
      });
    },
    /** What was seen: how many requests, how many distinct paths on the origin, and every URL outside it. */
    summary() {
      const paths = new Set(requests.filter((u) => u.startsWith(`${origin}/`)).map((u) => new URL(u).pathname));
      return { requests: requests.length, paths: paths.size, foreign: [...foreign] };
    },
  };
}
