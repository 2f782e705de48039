// report.html: the bundle read by a person without the app (issue 4). One self-contained page:
// the case, how to verify the bundle, where each image came from, the boxes per label, every
// claim with the crops of its linked boxes and, when there are any, the reviewers' verdicts. It loads nothing and runs nothing: a strict CSP, no
// script, one inline stylesheet, crops inline as data: URIs and overlays only from the bundle.
import { sortClaims } from '../model/claimQuery';
import { describeEvidence, describeTally, formatNumber, formatQuantity, tallyEvidence, tallyVerdict, type LinkedBox } from '../model/quantity';
import { RELATIONS, type CaseSnapshot, type ClaimRecord, type Relation } from '../model/records';
import { imagePath } from './bundleFormat';
import {
  AUDIT_CHECK_JS, REPORT_CSS, countLabels, formatBytes, formatTimestamp, html, imageTitle, orDash, plural, safeCrop, safeOverlay, swatch, Html,
} from './reportParts';
import { reviewSection, type ImagePlace } from './reportReview';

export interface ReportInput {
  snapshot: CaseSnapshot;
  createdAt: string;
  exportedBy: string;
  app: { name: string; version: string };
  auditHead: string;
  auditRecords: number;
  /** Small JPEG data: URIs of each linked box's crop, by annotation id (made by the caller in a browser); missing ones are shown as text. */
  crops: ReadonlyMap<string, string>;
  /** Relative paths of overlay images inside the bundle, by image id (e.g. overlays/<name>.jpg), when present. */
  overlays: ReadonlyMap<string, string>;
}

/** 'self' lets the unzipped bundle's own overlays/ show; nothing else may load. */
export const REPORT_CSP = "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'";

const RELATION_NAMES: Record<Relation, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };
const VERDICTS = {
  meets: 'The linked boxes meet the claimed figure.',
  short: 'The linked boxes fall short of the claimed figure (boxes count only what the images show).',
  exceeds: 'The linked boxes exceed the claimed figure.',
} as const;

/** What every part needs: the input, the case's label names, each image and its place in the page. */
interface Ctx {
  input: ReportInput;
  labelNames: string[];
  images: Map<string, ImagePlace>;
}

const row = (name: string, value: Html | string) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`;

export function renderReport(input: ReportInput): string {
  const { snapshot } = input;
  const ctx: Ctx = {
    input,
    labelNames: snapshot.case.labels.map((l) => l.name),
    images: new Map(snapshot.images.map((image, i) => [image.id, { image, n: i + 1, anchor: `image-${i + 1}` }])),
  };
  const title = snapshot.case.name || 'Untitled case';
  // The CSP and the stylesheet are ours, not the records', so they alone go in unescaped.
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new Html(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence report: ${title}</title>
<style>${new Html(REPORT_CSS)}</style>
</head>
<body>
${header(input, title)}
${verification(input)}
${provenance(ctx)}
${labelCounts(snapshot)}
${claims(ctx)}
${reviewSection(snapshot, ctx.images)}
<footer>Written by ${input.app.name} ${input.app.version} at ${formatTimestamp(input.createdAt)}. This page is self-contained: it runs no script and loads nothing from the network.</footer>
</body>
</html>
`;
  return page.text;
}

function header(input: ReportInput, title: string): Html {
  const { snapshot: s } = input;
  const tile = (n: number, what: string) => html`<div><b>${n.toLocaleString('en-US')}</b>${what}</div>`;
  return html`<header>
<p class="muted">Evidence report</p>
<h1>${title}</h1>
<p class="byline">Exported ${formatTimestamp(input.createdAt)} by ${orDash(input.exportedBy)} with ${input.app.name} ${input.app.version}</p>
${s.case.description ? html`<p class="description">${s.case.description}</p>` : ''}
</header>
<section id="summary">
<h2>Case summary</h2>
<div class="summary">${tile(s.images.length, 'images')}${tile(s.annotations.length, 'boxes')}${tile(s.claims.length, 'claims')}${tile(s.links.length, 'links')}${s.reviews.length ? tile(s.reviews.length, 'verdicts') : ''}${tile(input.auditRecords, 'audit records')}</div>
<table class="facts"><tbody>
${row('Case', s.case.name)}${row('Case id', html`<span class="mono">${s.case.id}</span>`)}
${row('Exported', formatTimestamp(input.createdAt))}${row('Exported by', orDash(input.exportedBy))}
${row('App', `${input.app.name} ${input.app.version}`)}
${row('Audit records', input.auditRecords.toLocaleString('en-US'))}
${row('Audit head', input.auditHead ? html`<span class="hash">${input.auditHead}</span>` : 'none (the audit log is empty)')}
</tbody></table>
</section>`;
}

function verification(input: ReportInput): Html {
  return html`<section id="verify">
<h2>How to verify this bundle</h2>
<p>No copy of the app is needed: <code>unzip</code>, <code>sha256sum</code> and, for the audit log, Node.js are enough. Below, <code>&lt;bundle&gt;.zip</code> stands for this bundle's file name.</p>
<ol>
<li><p>Check that the archive is intact (the CRC of every entry):</p><pre>unzip -t &lt;bundle&gt;.zip</pre></li>
<li><p>Unzip it into a new folder and, in that folder, check every file against the hashes written at export. Every line must end in <code>OK</code>.</p>
<pre>mkdir case &amp;&amp; cd case &amp;&amp; unzip -q ../&lt;bundle&gt;.zip
sha256sum -c SHA256SUMS</pre>
<p>SHA256SUMS covers every file but itself and manifest.json (this report included); manifest.json lists the same hashes and sizes.</p></li>
<li><p>Each original image is stored unchanged as <code>images/&lt;sha256&gt;.&lt;ext&gt;</code>, named by its own SHA-256: <code>sha256sum images/*</code> prints the hashes in the provenance table below.</p></li>
<li><p>Check the audit log, <code>audit.jsonl</code> (the app's <code>docs/bundle-format.md</code> describes it in full; the bundle may not contain that file):
each line's <code>hash</code> is the SHA-256 of the previous line's hash followed by the canonical JSON (keys sorted, no whitespace) of the record's <code>at, author, action, entity, entityId, caseId, before, after</code> and <code>prevHash</code>; the first <code>prevHash</code> is 64 zeros and the last hash must equal the audit head above.
${input.auditRecords > 0 ? html`This Node.js script, run in the unzipped folder, does that check:</p><pre>${AUDIT_CHECK_JS}</pre>` : html`This case's audit log is empty.</p>`}</li>
</ol>
<p class="muted">The hashes show that the files are the ones written at export and that the log was not edited line by line; they do not show who wrote them. Compare the audit head with one the analyst gives you through another channel.</p>
</section>`;
}

function provenance(ctx: Ctx): Html {
  const { snapshot, overlays } = ctx.input;
  const boxes = (id: string) => snapshot.annotations.filter((a) => a.imageId === id).length;
  const items = snapshot.images.map((image, i) => {
    const overlay = safeOverlay(overlays.get(image.id));
    const s = image.source;
    return html`<article class="image" id="image-${i + 1}">
<h3>${i + 1}. ${imageTitle(image)}</h3>
<div class="image-body">
<table class="facts"><tbody>
${row('File name', image.fileName)}
${row('In the bundle', html`<span class="hash">${imagePath(image)}</span>`)}
${row('SHA-256', html`<span class="hash">${image.sha256}</span>`)}
${row('Title', orDash(s.title))}${row('Publisher / source', orDash(s.publisher))}
${row('Source URL', s.url ? html`<span class="url">${s.url}</span>` : '—')}
${row('Credit', orDash(s.credit))}${row('Licence', orDash(s.licence))}
${row('Released', orDash(image.releasedAt))}${row('Captured', orDash(image.capturedAt))}
${row('Pixel size', `${formatNumber(image.width)} × ${formatNumber(image.height)} px${image.gsdMeters ? ` (${formatNumber(image.gsdMeters)} m per pixel)` : ''}`)}
${row('Bytes', formatBytes(image.byteLength))}${row('Media type', image.mediaType)}
${row('Added', `by ${orDash(image.addedBy)}, ${formatTimestamp(image.addedAt)}`)}
${row('Boxes', String(boxes(image.id)))}
${image.notes ? row('Notes', html`<span class="description">${image.notes}</span>`) : ''}
</tbody></table>
${overlay ? html`<a class="overlay" href="${overlay}"><img src="${overlay}" alt="${imageTitle(image)} with its boxes drawn"><span>With its boxes drawn: ${overlay}</span></a>` : ''}
</div>
</article>`;
  });
  return html`<section id="provenance">
<h2>Images and their provenance</h2>
<p class="muted">${plural(snapshot.images.length, 'image')}. Each original is in the bundle byte for byte as imported; its SHA-256 is of those bytes. Source URLs are shown as text and not as links.</p>
${items}
</section>`;
}

function labelCounts(snapshot: CaseSnapshot): Html {
  const counts = countLabels(snapshot);
  const labels = snapshot.case.labels;
  const cells = (m: ReadonlyMap<string, number>) => [
    ...counts.labels.map((l) => html`<td class="num">${m.get(l) ?? 0}</td>`),
    html`<td class="num">${[...m.values()].reduce((a, b) => a + b, 0)}</td>`,
  ];
  const body =
    counts.labels.length === 0
      ? html`<p class="muted">No boxes have been drawn in this case.</p>`
      : html`<table class="counts">
<thead><tr><th>Image</th>${counts.labels.map((l) => html`<th class="num">${swatch(labels, l)}${l}</th>`)}<th class="num">All labels</th></tr></thead>
<tbody>${snapshot.images.map((image, i) => html`<tr><th scope="row"><a href="#image-${i + 1}">${i + 1}. ${imageTitle(image)}</a></th>${cells(counts.byImage.get(image.id) ?? new Map())}</tr>`)}</tbody>
<tfoot><tr><th scope="row">Whole case</th>${cells(counts.total)}</tr></tfoot>
</table>
${counts.orphans > 0 ? html`<p class="muted">${plural(counts.orphans, 'box', 'boxes')} refer to no image of this case; they are counted only in the case's total.</p>` : ''}`;
  return html`<section id="counts">
<h2>Boxes per label</h2>
<p class="muted">The number of boxes drawn with each label. A box may stand for several things (its count, shown in the claims' captions).</p>
${body}
</section>`;
}

function claims(ctx: Ctx): Html {
  const { snapshot } = ctx.input;
  const sorted = sortClaims(snapshot.claims);
  return html`<section id="claims">
<h2>Claims and their evidence</h2>
<p class="muted">${plural(sorted.length, 'claim')}, by date claimed (undated last), each with the boxes linked to it.</p>
${sorted.length === 0 ? html`<p class="muted">This case has no claims.</p>` : sorted.map((c, i) => claim(ctx, c, i + 1))}
</section>`;
}

function claim(ctx: Ctx, c: ClaimRecord, n: number): Html {
  const { snapshot } = ctx.input;
  const boxes = new Map(snapshot.annotations.map((a) => [a.id, a]));
  const links = snapshot.links.filter((l) => l.claimId === c.id);
  const linked: LinkedBox[] = links.flatMap((link) => {
    const annotation = boxes.get(link.annotationId);
    return annotation ? [{ link, annotation, image: ctx.images.get(annotation.imageId)?.image }] : [];
  });
  const dangling = links.length - linked.length;
  const src = c.source;
  const source = [src.title, src.publisher].filter(Boolean).join(', ');
  const period = c.period.from || c.period.to ? `${c.period.from || '…'} to ${c.period.to || '…'}` : '—';
  return html`<article class="claim" id="claim-${n}">
<h3>Claim ${n} · ${c.claimedAt || 'undated'}</h3>
<blockquote class="statement">${c.statement}</blockquote>
<table class="facts"><tbody>
${row('Claimant', orDash(c.claimant))}${row('Role', orDash(c.role))}
${row('Date claimed', orDash(c.claimedAt))}${row('Period', period)}
${row('Source', html`${orDash(source)}${src.url ? html`<br><span class="url">${src.url}</span>` : ''}${src.accessedAt ? html`<br><span class="muted">accessed ${src.accessedAt}</span>` : ''}`)}
${row('Quantity', c.quantity ? formatQuantity(c.quantity) : '—')}
${row('Tags', c.tags.length ? html`${c.tags.map((t) => html`<span class="tag">${t}</span>`)}` : '—')}
${row('Notes', c.notes ? html`<span class="description">${c.notes}</span>` : '—')}
</tbody></table>
${quantityCheck(ctx, c, linked)}
${linked.length === 0 ? html`<p class="muted">No boxes are linked to this claim.</p>` : ''}
${RELATIONS.map((relation) => {
  const group = linked.filter((l) => l.link.relation === relation);
  return group.length === 0 ? '' : html`<section class="evidence ${relation}"><h4>${RELATION_NAMES[relation]} (${group.length})</h4><div class="crops">${group.map((l) => crop(ctx, l))}</div></section>`;
})}
${dangling > 0 ? html`<p class="muted">${plural(dangling, 'link')} of this claim point to boxes that are not in this case.</p>` : ''}
</article>`;
}

function quantityCheck(ctx: Ctx, c: ClaimRecord, linked: readonly LinkedBox[]): Html | '' {
  if (!c.quantity) return '';
  const tally = tallyEvidence(c, linked, ctx.labelNames);
  if (!tally) {
    return html`<p class="quantity">claimed: ${formatQuantity(c.quantity)}; no label of this case counts “${c.quantity.unit}”, so the boxes cannot be tallied against it.</p>`;
  }
  const verdict = tallyVerdict(c.quantity, tally.total);
  const against = tallyEvidence(c, linked, ctx.labelNames, 'contradicts');
  return html`<p class="quantity ${verdict}"><span class="tally">${describeTally(c.quantity, tally)}</span>. ${VERDICTS[verdict]}${
    against && against.boxes > 0 ? ` Contradicting boxes show ${describeEvidence(c.quantity, against)}.` : ''
  }</p>`;
}

function crop(ctx: Ctx, { link, annotation: box, image }: LinkedBox): Html {
  const uri = safeCrop(ctx.input.crops.get(box.id));
  const name = `${box.label}${box.attributes.name ? ` ${box.attributes.name}` : ''}${box.attributes.count !== undefined ? ` ×${box.attributes.count}` : ''}`;
  const where = image ? imageTitle(image) : 'an image not in this case';
  const anchor = image && ctx.images.get(image.id)?.anchor;
  return html`<figure>
${uri ? html`<img src="${uri}" alt="${name} in ${where}">` : html`<div class="no-crop">No picture of this box in the report</div>`}
<figcaption><strong>${swatch(ctx.input.snapshot.case.labels, box.label)}${name}</strong>
<span>${anchor ? html`<a href="#${anchor}">${where}</a>` : where}</span>
${image ? html`<span>captured ${image.capturedAt || 'on an unknown date'}</span>` : ''}
${link.note ? html`<span>“${link.note}”</span>` : ''}
<span class="muted">Box by ${orDash(box.author)}${link.author && link.author !== box.author ? `, linked by ${link.author}` : ''}</span></figcaption>
</figure>`;
}
