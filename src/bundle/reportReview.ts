// report.html's "Review" section (issue #5): reviewers' verdicts on the differences between two
// annotators' boxes, per image and pair of authors, with counts per verdict. Escaped like the
// rest of the report: every record is untrusted text.
import { DIFFERENCE_KINDS, VERDICTS, type Annotation, type CaseSnapshot, type ImageRecord, type ReviewRecord, type Verdict } from '../model/records';
import { VERDICT_WORDS } from '../model/review/verdicts';
import { formatTimestamp, html, imageTitle, orDash, plural, swatch, type Html } from './reportParts';

type DifferenceKind = ReviewRecord['kind'];

export const DIFFERENCE_WORDS: Record<DifferenceKind, string> = {
  'a-only': 'only A drew it',
  'b-only': 'only B drew it',
  'label-mismatch': 'labelled differently',
  'low-iou': 'drawn differently (little overlap)',
};

/** Where an image is in the page: its place in the provenance list and its anchor there. */
export interface ImagePlace {
  image: ImageRecord;
  n: number;
  anchor: string;
}

interface Group {
  place: ImagePlace | undefined;
  imageId: string;
  authorA: string;
  authorB: string;
  reviews: ReviewRecord[];
}

/** The section, or nothing when the case has no verdicts. */
export function reviewSection(snapshot: CaseSnapshot, places: ReadonlyMap<string, ImagePlace>): Html | '' {
  if (snapshot.reviews.length === 0) return '';
  const groups = groupReviews(snapshot.reviews, places);
  const boxes = new Map(snapshot.annotations.map((a) => [a.id, a]));
  const labels = snapshot.case.labels;
  const total = new Map(VERDICTS.map((v) => [v, snapshot.reviews.filter((r) => r.verdict === v).length]));
  const countCells = (counts: ReadonlyMap<Verdict, number>, all: number) => [
    ...VERDICTS.map((v) => html`<td class="num">${counts.get(v) ?? 0}</td>`),
    html`<td class="num">${all}</td>`,
  ];
  const boxCell = (id: string | null) => {
    if (id === null) return html`<td class="muted">—</td>`;
    const box: Annotation | undefined = boxes.get(id);
    return box ? html`<td>${swatch(labels, box.label)}${box.label}</td>` : html`<td class="muted">a box not in this case</td>`;
  };

  return html`<section id="review">
<h2>Review</h2>
<p class="muted">${plural(snapshot.reviews.length, 'verdict')} by reviewers on differences between two annotators' boxes on the same image. A and B are the two authors compared; a verdict says whose box is right: accept A, accept B, both wrong, or needs discussion.</p>
<table class="counts" aria-label="Verdicts per image and pair of authors">
<thead><tr><th>Image</th><th>A</th><th>B</th>${VERDICTS.map((v) => html`<th class="num">${VERDICT_WORDS[v]}</th>`)}<th class="num">All verdicts</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${imageLink(g)}</th><td>${orDash(g.authorA)}</td><td>${orDash(g.authorB)}</td>${countCells(countVerdicts(g.reviews), g.reviews.length)}</tr>`)}</tbody>
<tfoot><tr><th scope="row" colspan="3">Whole case</th>${countCells(total, snapshot.reviews.length)}</tr></tfoot>
</table>
${groups.map(
  (g, i) => html`<article class="review" id="review-${i + 1}">
<h3>${imageLink(g)}: A ${orDash(g.authorA)}, B ${orDash(g.authorB)}</h3>
<table class="verdicts">
<thead><tr><th>Difference</th><th>A's box</th><th>B's box</th><th>Verdict</th><th>Comment</th><th>Reviewer</th><th>Date</th></tr></thead>
<tbody>${g.reviews.map(
    (r) => html`<tr><td>${DIFFERENCE_WORDS[r.kind]}</td>${boxCell(r.aBoxId)}${boxCell(r.bBoxId)}<td class="verdict ${r.verdict}">${VERDICT_WORDS[r.verdict]}</td><td class="description">${orDash(r.comment)}</td><td>${orDash(r.reviewer)}</td><td>${formatTimestamp(r.updatedAt)}</td></tr>`,
  )}</tbody>
</table>
</article>`,
)}
</section>`;
}

const imageLink = (g: Group): Html =>
  g.place ? html`<a href="#${g.place.anchor}">${g.place.n}. ${imageTitle(g.place.image)}</a>` : html`an image not in this case (${g.imageId})`;

function countVerdicts(reviews: readonly ReviewRecord[]): Map<Verdict, number> {
  const counts = new Map<Verdict, number>();
  for (const r of reviews) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return counts;
}

/**
 * One group per image and pair of authors: images in the page's order (any not in the case
 * last), then authors by name; within a group, the most severe kind of difference first, then
 * oldest verdict first.
 */
function groupReviews(reviews: readonly ReviewRecord[], places: ReadonlyMap<string, ImagePlace>): Group[] {
  const groups = new Map<string, Group>();
  for (const r of reviews) {
    const key = JSON.stringify([r.imageId, r.authorA, r.authorB]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { place: places.get(r.imageId), imageId: r.imageId, authorA: r.authorA, authorB: r.authorB, reviews: [] }));
    group.reviews.push(r);
  }
  const kindOrder = (r: ReviewRecord) => DIFFERENCE_KINDS.indexOf(r.kind);
  for (const g of groups.values()) {
    g.reviews.sort((a, b) => kindOrder(a) - kindOrder(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  const imageOrder = (g: Group) => g.place?.n ?? Infinity;
  return [...groups.values()].sort(
    (a, b) => imageOrder(a) - imageOrder(b) || a.imageId.localeCompare(b.imageId) || a.authorA.localeCompare(b.authorA) || a.authorB.localeCompare(b.authorB),
  );
}
