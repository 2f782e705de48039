// The pieces report.html is built from: escaping, the checks on what may become a URL, small
// formatters, the counts per label and the one inline stylesheet. Pure: no DOM.
import { FALLBACK_COLOR, isHexColor, labelColor, type LabelDef } from '../model/labels';
import type { CaseSnapshot, ImageRecord } from '../model/records';

/** A fragment of markup that is already safe to place in the document. */
export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: Part): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return (value as readonly Part[]).map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Markup with every interpolated value escaped unless it is itself `Html`: the records are
 * untrusted (a bundle may have been imported from anyone), so escaping is the default, not a
 * step a caller can forget.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

const CROP_URI = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/;
const OVERLAY_PATH = /^overlays\/[\w.-]+\.(jpg|png)$/;

/** A crop is shown only as an inline image of a known type, never as any other kind of URL. */
export const safeCrop = (uri: string | undefined): string | null => (uri !== undefined && CROP_URI.test(uri) ? uri : null);

/** An overlay is shown only from the bundle's own overlays/ folder. */
export const safeOverlay = (path: string | undefined): string | null => (path !== undefined && OVERLAY_PATH.test(path) ? path : null);

/** A label's colour for a swatch, only when it is a plain hex colour (it lands in a style attribute). */
export function swatch(labels: readonly LabelDef[], label: string): Html {
  const color = labelColor(labels, label);
  return html`<span class="swatch" style="background:${isHexColor(color) ? color : FALLBACK_COLOR}"></span>`;
}

/** An image as the report names it: its source's title, else its file name. */
export const imageTitle = (image: ImageRecord) => image.source.title || image.fileName;

export const orDash = (text: string | null | undefined): string => (text && String(text).trim() ? String(text) : '—');

/** "2026-01-05 10:00 UTC" from an ISO-8601 timestamp; anything else as it was written. */
export function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : orDash(iso);
}

export function formatBytes(bytes: number): string {
  const exact = `${Number(bytes).toLocaleString('en-US')} bytes`;
  if (!(bytes >= 1024)) return exact;
  const [value, unit] = bytes >= 1024 ** 3 ? [bytes / 1024 ** 3, 'GiB'] : bytes >= 1024 ** 2 ? [bytes / 1024 ** 2, 'MiB'] : [bytes / 1024, 'KiB'];
  return `${exact} (${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit})`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface LabelCounts {
  /** The case's labels that have boxes, in the case's order, then any others by name. */
  labels: string[];
  byImage: Map<string, Map<string, number>>;
  total: Map<string, number>;
  /** Boxes whose image is not in the case (a damaged or hand-edited bundle). */
  orphans: number;
}

export function countLabels(snapshot: CaseSnapshot): LabelCounts {
  const imageIds = new Set(snapshot.images.map((i) => i.id));
  const byImage = new Map(snapshot.images.map((i) => [i.id, new Map<string, number>()]));
  const total = new Map<string, number>();
  let orphans = 0;
  for (const a of snapshot.annotations) {
    total.set(a.label, (total.get(a.label) ?? 0) + 1);
    const row = byImage.get(a.imageId);
    if (row && imageIds.has(a.imageId)) row.set(a.label, (row.get(a.label) ?? 0) + 1);
    else orphans += 1;
  }
  const known = snapshot.case.labels.map((l) => l.name).filter((n) => total.has(n));
  const others = [...total.keys()].filter((n) => !known.includes(n)).sort((a, b) => a.localeCompare(b));
  return { labels: [...known, ...others], byImage, total, orphans };
}

/** The audit check of docs/bundle-format.md, printed so a reader without the app can run it. */
export const AUDIT_CHECK_JS = `const { createHash } = require('node:crypto');
const fs = require('node:fs');
const canon = (v) => v === null || typeof v !== 'object' ? JSON.stringify(v)
  : Array.isArray(v) ? \`[\${v.map(canon).join(',')}]\`
  : \`{\${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => \`\${JSON.stringify(k)}:\${canon(v[k])}\`).join(',')}}\`;
let prev = '0'.repeat(64);
for (const line of fs.readFileSync('audit.jsonl', 'utf8').trim().split('\\n')) {
  const r = JSON.parse(line);
  const { at, author, action, entity, entityId, caseId, before, after } = r;
  const body = canon({ at, author, action, entity, entityId, caseId, before, after, prevHash: prev });
  const hash = createHash('sha256').update(prev + body).digest('hex');
  if (r.prevHash !== prev || r.hash !== hash) throw new Error(\`record \${r.seq} does not verify\`);
  prev = hash;
}
console.log('audit chain verifies; head', prev);`;

/** Neutral, light, readable on screen and on paper; system fonts only (nothing is fetched). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --soft: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .4rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
p { margin: .4rem 0; }
.muted { color: var(--muted); }
.byline { color: var(--muted); margin-bottom: 1.25rem; }
.description { white-space: pre-wrap; }
.mono, code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .85em; }
.hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .85em; overflow-wrap: anywhere; word-break: break-all; }
.url { overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--rule); border-radius: 4px; padding: .6rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--rule); background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td, tfoot th { font-weight: 600; border-top: 2px solid var(--rule); }
.facts th { width: 11rem; color: var(--muted); font-weight: 500; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: .5rem; margin: 1rem 0; }
.summary div { border: 1px solid var(--rule); border-radius: 4px; padding: .4rem .6rem; }
.summary b { display: block; font-size: 1.3rem; font-variant-numeric: tabular-nums; }
.image, .claim, .review { border: 1px solid var(--rule); border-radius: 6px; padding: .25rem 1rem 1rem; margin: 1rem 0; break-inside: avoid-page; }
.image-body { display: flex; gap: 1rem; align-items: flex-start; }
.image-body table { flex: 1; margin-top: 0; }
.overlay { flex: 0 0 15rem; font-size: .85em; overflow-wrap: anywhere; }
.overlay img { display: block; width: 100%; height: auto; border: 1px solid var(--rule); margin-bottom: .25rem; }
.swatch { display: inline-block; width: .75em; height: .75em; border: 1px solid rgba(0,0,0,.35); border-radius: 2px; margin-right: .35em; vertical-align: baseline; }
blockquote { margin: .75rem 0; padding: .3rem 0 .3rem 1rem; border-left: 4px solid var(--rule); font-size: 1.1rem; white-space: pre-wrap; }
.quantity { background: var(--soft); border-left: 4px solid #8c959f; padding: .4rem .75rem; }
.quantity.meets { border-left-color: #2da44e; }
.quantity.short, .quantity.exceeds { border-left-color: #bf8700; }
.tag { display: inline-block; border: 1px solid var(--rule); border-radius: 999px; padding: 0 .5rem; margin: 0 .25rem .15rem 0; font-size: .85em; }
.crops { display: flex; flex-wrap: wrap; gap: .75rem; }
figure { margin: 0; width: 12.5rem; border: 1px solid var(--rule); border-radius: 4px; padding: .4rem; break-inside: avoid; }
figure img, .no-crop { display: block; width: 100%; height: auto; max-height: 14rem; object-fit: contain; background: var(--soft); }
.no-crop { padding: 2rem .5rem; text-align: center; color: var(--muted); font-size: .85em; }
figcaption { font-size: .85em; margin-top: .35rem; }
figcaption span { display: block; }
.verdicts td { font-size: .9em; }
.verdict { font-weight: 600; white-space: nowrap; }
a { color: var(--accent); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85em; border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .summary div, .image, .claim, .review, figure { border-color: #999; }
  pre, thead th, .quantity { background: none; }
}
@page { margin: 16mm 14mm; }
`;
