// @vitest-environment jsdom
// report.html is read by people without the app and built from untrusted records: it must load
// nothing, run nothing, escape everything, and still say the right things.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { renderReport, type ReportInput } from '../../../src/bundle/report';
import type { Annotation, CaseSnapshot, ClaimRecord, ImageRecord, LinkRecord, ReviewRecord } from '../../../src/model/records';
import { sampleAudit, sampleCase } from './makeBundle';

const T = '2026-01-05T10:00:00.000Z';
const SHA_A = '0123456789abcdef'.repeat(4);
const SHA_B = 'fedcba9876543210'.repeat(4);
const SCRIPT = '<script>alert(1)</script>';
const CLAIMANT = 'John Kirby" onmouseover="x';
const EVIL_TITLE = 'Pier <u>2</u> "><img src=x onerror=alert(1)>';
const GOOD_CROP = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';

const image = (id: string, fileName: string, sha256: string, title: string, url: string): ImageRecord => ({
  id, caseId: 'c', fileName, mediaType: 'image/png', byteLength: 1_234_567, width: 1042, height: 699, sha256,
  source: { title, publisher: 'Copernicus Sentinel-2', url, credit: 'ESA', licence: 'CC BY 4.0' },
  releasedAt: '2022-05', capturedAt: '2022-05-14', gsdMeters: 10, notes: '', addedAt: T, addedBy: 'ana',
});
const box = (id: string, imageId: string, label: string, rotation: number, attributes: Annotation['attributes'] = {}): Annotation => ({
  id, imageId, caseId: 'c', label, geometry: { x: 100, y: 80, width: 40, height: 12, rotation }, attributes, author: 'ben', createdAt: T, updatedAt: T, revision: 1,
});
const claim = (id: string, statement: string, claimedAt: string, extra: Partial<ClaimRecord> = {}): ClaimRecord => ({
  id, caseId: 'c', statement, claimant: 'Someone', role: '', claimedAt, period: { from: '', to: '' },
  source: { title: '', publisher: '', url: '', accessedAt: '' }, quantity: null, tags: [], notes: '', createdAt: T, updatedAt: T, ...extra,
});
const link = (id: string, annotationId: string, claimId: string, relation: LinkRecord['relation'], note = ''): LinkRecord => ({
  id, caseId: 'c', annotationId, claimId, relation, note, author: 'ana', createdAt: T,
});

const review = (id: string, imageId: string, kind: ReviewRecord['kind'], aBoxId: string | null, bBoxId: string | null, verdict: ReviewRecord['verdict'], extra: Partial<ReviewRecord> = {}): ReviewRecord => ({
  id, caseId: 'c', imageId, authorA: 'ana', authorB: 'ben', kind, aBoxId, bBoxId, verdict, comment: '', reviewer: 'cho', createdAt: T, updatedAt: T, ...extra,
});

/** Two images with rotated boxes, two claims (the later one listed first), three links. */
function snapshot(): CaseSnapshot {
  return {
    case: {
      id: 'c', name: 'Busan & Rajin', description: 'Ships at the container terminals.', createdAt: T, updatedAt: T,
      labels: [{ name: 'ship', color: '#ff4d4f' }, { name: 'container', color: 'red;background:url(http://evil.example/x)' }, { name: 'container stack', color: '#fa8c16' }],
    },
    images: [image('img-a', 'busan.png', SHA_A, 'Port of Busan', 'https://example.org/busan'), image('img-b', 'pier.png', SHA_B, EVIL_TITLE, '')],
    annotations: [
      box('b1', 'img-a', 'ship', 33.5, { name: 'Angara' }),
      box('b2', 'img-a', 'container stack', -120, { count: 12 }),
      box('b3', 'img-a', 'container', 90),
      box('b4', 'img-b', 'container stack', 15, { count: 30 }),
      box('b5', 'img-b', 'ship', 0),
      box('b6', 'img-b', 'container stack', 45),
    ],
    claims: [
      claim('c1', `${SCRIPT} More than 1,000 containers of munitions went by sea.`, '2023-10-13', {
        claimant: CLAIMANT, role: 'NSC spokesman', period: { from: '2023-09-07', to: '2023-10-01' },
        source: { title: 'Press briefing', publisher: 'The White House', url: 'https://example.org/briefing', accessedAt: '2026-01-04' },
        quantity: { value: 1000, unit: 'containers', qualifier: 'more-than' }, tags: ['munitions', 'sea'], notes: 'Said twice.',
      }),
      claim('c2', 'No ship called at Rajin in September.', '2023-09'),
    ],
    links: [link('l1', 'b2', 'c1', 'supports', 'stacked on the pier'), link('l2', 'b4', 'c1', 'supports'), link('l3', 'b1', 'c2', 'contradicts', 'at the berth')],
    reviews: [],
  };
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    snapshot: snapshot(), createdAt: T, exportedBy: 'ana', app: { name: 'Evidence Annotator', version: '0.1.0' },
    auditHead: 'ab'.repeat(32), auditRecords: 12,
    crops: new Map([
      ['b1', GOOD_CROP],
      ['b2', 'javascript:alert(1)'],
      ['b4', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      ['b6', 'data:image/png;base64,AAAA" onerror="alert(1)'],
    ]),
    overlays: new Map([['img-a', 'overlays/busan.jpg'], ['img-b', '../../etc/passwd.jpg']]),
    ...over,
  };
}

/**
 * Runs the printed Node.js check as a reader would, in the unzipped folder, with the two Node
 * modules it uses stood in for (unit tests here have no Node typings): node:crypto by a SHA-256
 * of the UTF-8 text, node:fs by the audit.jsonl written from `records`. Returns what it logs.
 */
function runNodeScript(script: string, records: readonly object[]): string {
  const logged: string[] = [];
  const createHash = (algorithm: string) => {
    if (algorithm !== 'sha256') throw new Error(`unexpected hash ${algorithm}`);
    let data = '';
    const hash = { update: (s: string) => ((data += s), hash), digest: (enc: string) => (enc === 'hex' ? bytesToHex(sha256(new TextEncoder().encode(data))) : '') };
    return hash;
  };
  const readFileSync = (path: string) => {
    if (path !== 'audit.jsonl') throw new Error(`unexpected file ${path}`);
    return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  };
  const modules: Record<string, unknown> = { 'node:crypto': { createHash }, 'node:fs': { readFileSync } };
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`unexpected module ${name}`);
    return modules[name];
  };
  new Function('require', 'console', script)(require, { log: (...args: unknown[]) => logged.push(args.join(' ')) });
  return logged.join('\n');
}

const HTML = renderReport(input());
const doc = new DOMParser().parseFromString(HTML, 'text/html');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (tr: Element) => [...tr.children].map(text);

describe('report.html', () => {
  it('is one offline HTML5 document: a strict CSP, one inline style, no script, nothing fetched', () => {
    expect(HTML.startsWith('<!doctype html>')).toBe(true);
    expect(HTML).toContain('<meta charset="utf-8">');
    expect(HTML).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'">`);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'",
    );
    for (const bad of ['<script', 'src="http', 'href="http', '<link', '@import', 'url(', 'javascript:', 'data:text/html']) {
      expect(HTML.toLowerCase()).not.toContain(bad);
    }
    expect(doc.querySelectorAll('script, link, iframe, object, embed, form, base')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    // Every URL the page holds is a checked crop, the bundle's own overlay or a place in the page.
    const urls = [...doc.querySelectorAll('[src], [href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href'));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^(data:image\/jpeg;base64,|overlays\/busan\.jpg$|#(image|claim)-\d+$)/);
    // Source URLs are there, as text a reader can copy, not as links.
    expect(text(doc.querySelector('#provenance'))).toContain('https://example.org/busan');
    expect(text(doc.querySelector('#claim-2'))).toContain('https://example.org/briefing');
  });

  it('escapes every piece of text from the records, attribute values included', () => {
    expect(HTML).not.toContain(SCRIPT);
    expect(HTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(HTML).not.toContain(CLAIMANT);
    expect(HTML).toContain('John Kirby&quot; onmouseover=&quot;x');
    expect(HTML).not.toContain('<u>2</u>');
    expect(doc.querySelectorAll('[onmouseover], [onerror], u')).toHaveLength(0);
    // The escaped text reads back as exactly what was recorded.
    expect(text(doc.querySelector('#claim-2 blockquote'))).toBe(`${SCRIPT} More than 1,000 containers of munitions went by sea.`);
    expect(text(doc.querySelector('#image-2 h3'))).toBe(`2. ${EVIL_TITLE}`);
    // A label colour that is not a plain hex colour never reaches a style attribute.
    expect(HTML).not.toContain('evil.example');
  });

  it('shows only crops that are inline JPEG, PNG or WebP images, and overlays only from overlays/', () => {
    const imgs = [...doc.querySelectorAll('figure img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([GOOD_CROP]);
    expect(imgs[0]?.getAttribute('alt')).toBe('ship Angara in Port of Busan');
    // b2 (javascript:) and b4 (data:text/html) are linked and so are shown as text instead.
    expect(doc.querySelectorAll('.no-crop')).toHaveLength(2);
    expect(doc.querySelectorAll('#image-1 .overlay img')).toHaveLength(1);
    expect(doc.querySelector('#image-2 .overlay')).toBeNull();
    expect(HTML).not.toContain('passwd');
    // The same checks hold for the boxes that are linked, whatever the caller hands in.
    const crops = new Map([
      ['b1', 'data:image/png;base64,AAAA" onerror="alert(1)'],
      ['b2', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
      ['b4', 'data:image/jpeg;base64,AAAA\n<script>'],
    ]);
    const page = new DOMParser().parseFromString(renderReport(input({ crops })), 'text/html');
    expect(page.querySelectorAll('figure img, [onerror], script')).toHaveLength(0);
    expect(page.querySelectorAll('.no-crop')).toHaveLength(3);
  });

  it('reads well for an empty case with an empty audit log', () => {
    const s = snapshot();
    Object.assign(s, { images: [], annotations: [], claims: [], links: [] });
    const page = new DOMParser().parseFromString(renderReport(input({ snapshot: s, auditHead: '', auditRecords: 0 })), 'text/html');
    expect(text(page.querySelector('#counts'))).toContain('No boxes have been drawn in this case.');
    expect(text(page.querySelector('#claims'))).toContain('This case has no claims.');
    expect(text(page.querySelector('#verify'))).toContain("This case's audit log is empty.");
    expect(page.querySelectorAll('#verify pre')).toHaveLength(2);
    expect(text(page.querySelector('#summary'))).toContain('none (the audit log is empty)');
  });

  it('sums up the case', () => {
    expect(text(doc.querySelector('h1'))).toBe('Busan & Rajin');
    expect([...doc.querySelectorAll('.summary div')].map(text)).toEqual(['2images', '6boxes', '2claims', '3links', '12audit records']);
    expect(Object.fromEntries([...doc.querySelectorAll('#summary tr')].map(cells))).toEqual({
      Case: 'Busan & Rajin', 'Case id': 'c', Exported: '2026-01-05 10:00 UTC', 'Exported by': 'ana', App: 'Evidence Annotator 0.1.0',
      'Audit records': '12', 'Audit head': 'ab'.repeat(32),
    });
  });

  it('says how to verify the bundle with standard tools', () => {
    const verify = text(doc.querySelector('#verify'));
    for (const s of ['unzip -t <bundle>.zip', 'sha256sum -c SHA256SUMS', 'docs/bundle-format.md', 'SHA-256 of the previous line\'s hash followed by the canonical JSON']) {
      expect(verify).toContain(s);
    }
  });

  it('prints an audit check that verifies a real chain and catches an edited record', () => {
    const script = [...doc.querySelectorAll('#verify pre')].at(-1)?.textContent ?? '';
    expect(script).toContain("createHash('sha256')");
    const records = sampleAudit(sampleCase());
    expect(runNodeScript(script, records)).toBe(`audit chain verifies; head ${records.at(-1)?.hash}`);
    const edited = records.map((r, i) => (i === 2 ? { ...r, author: 'mallory' } : r));
    expect(() => runNodeScript(script, edited)).toThrow('record 13 does not verify');
  });

  it('gives each image its full provenance and full SHA-256', () => {
    const rows = (n: number) => Object.fromEntries([...doc.querySelectorAll(`#image-${n} tr`)].map((tr) => cells(tr)));
    const a = rows(1);
    expect(a['SHA-256']).toBe(SHA_A);
    expect(a['In the bundle']).toBe(`images/${SHA_A}.png`);
    expect(a).toMatchObject({
      'File name': 'busan.png', Title: 'Port of Busan', 'Publisher / source': 'Copernicus Sentinel-2', 'Source URL': 'https://example.org/busan',
      Credit: 'ESA', Licence: 'CC BY 4.0', Released: '2022-05', Captured: '2022-05-14', 'Pixel size': '1,042 × 699 px (10 m per pixel)',
      Bytes: '1,234,567 bytes (1.2 MiB)', Added: 'by ana, 2026-01-05 10:00 UTC', Boxes: '3',
    });
    expect(rows(2)['SHA-256']).toBe(SHA_B);
    expect(rows(2)['Source URL']).toBe('—');
    expect([...doc.querySelectorAll('#provenance .hash')].map(text)).toEqual(expect.arrayContaining([SHA_A, SHA_B]));
  });

  it('counts boxes per label for each image and for the case', () => {
    const table = doc.querySelector('#counts table')!;
    expect(cells(table.querySelector('thead tr')!)).toEqual(['Image', 'ship', 'container', 'container stack', 'All labels']);
    expect([...table.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['1. Port of Busan', '1', '1', '1', '3'],
      [`2. ${EVIL_TITLE}`, '1', '0', '2', '3'],
    ]);
    expect(cells(table.querySelector('tfoot tr')!)).toEqual(['Whole case', '2', '1', '3', '6']);
  });

  it('lists every claim by date claimed with its facts, quantity check and evidence by relation', () => {
    expect([...doc.querySelectorAll('article.claim blockquote')].map(text)).toEqual([
      'No ship called at Rajin in September.',
      `${SCRIPT} More than 1,000 containers of munitions went by sea.`,
    ]);
    const c1 = doc.querySelector('#claim-2')!;
    const facts = Object.fromEntries([...c1.querySelectorAll('tr')].map(cells));
    expect(facts).toMatchObject({
      Claimant: CLAIMANT, Role: 'NSC spokesman', 'Date claimed': '2023-10-13', Period: '2023-09-07 to 2023-10-01',
      Quantity: 'more than 1,000 containers', Tags: 'munitionssea', Notes: 'Said twice.',
    });
    const sourceCell = [...c1.querySelectorAll('tr')].find((tr) => text(tr.querySelector('th')) === 'Source')?.querySelector('td');
    expect([...(sourceCell?.childNodes ?? [])].map((n) => n.textContent).filter(Boolean)).toEqual([
      'Press briefing, The White House', 'https://example.org/briefing', 'accessed 2026-01-04',
    ]);
    expect(text(c1.querySelector('.quantity .tally'))).toBe('claimed: more than 1,000 containers; linked evidence: 42 containers in 2 images');
    expect(c1.querySelector('.quantity')?.classList.contains('short')).toBe(true);
    expect([...c1.querySelectorAll('h4')].map(text)).toEqual(['Supports (2)']);
    expect([...c1.querySelectorAll('figcaption')].map(text)).toEqual([
      'container stack ×12 Port of Busan captured 2022-05-14 “stacked on the pier” Box by ben, linked by ana',
      `container stack ×30 ${EVIL_TITLE} captured 2022-05-14 Box by ben, linked by ana`,
    ]);
    const c2 = doc.querySelector('#claim-1')!;
    expect(c2.querySelector('.quantity')).toBeNull();
    expect([...c2.querySelectorAll('h4')].map(text)).toEqual(['Contradicts (1)']);
    expect(text(c2.querySelector('figcaption'))).toBe('ship Angara Port of Busan captured 2022-05-14 “at the berth” Box by ben, linked by ana');
  });

  it('has no review section when the case has no verdicts', () => {
    expect(doc.querySelector('#review')).toBeNull();
    expect([...doc.querySelectorAll('.summary div')].map(text).join()).not.toContain('verdicts');
  });

  it('shows the verdicts per image and pair of authors, in words, escaped', () => {
    const s = snapshot();
    const EVIL_AUTHOR = 'dan"><b>bold</b>';
    s.reviews = [
      review('r1', 'img-a', 'low-iou', 'b2', 'b3', 'discuss', { comment: `${SCRIPT} check the stack`, updatedAt: '2026-01-06T09:30:00.000Z' }),
      review('r2', 'img-a', 'a-only', 'b1', null, 'accept-a', { comment: 'ben missed it', reviewer: CLAIMANT }),
      review('r3', 'img-b', 'b-only', null, 'b5', 'both-wrong'),
      review('r4', 'img-b', 'label-mismatch', 'b4', 'b6', 'accept-b', { authorA: EVIL_AUTHOR, authorB: 'ana' }),
      review('r5', 'img-a', 'b-only', null, 'b9', 'accept-a'),
    ];
    const page = renderReport(input({ snapshot: s }));
    const d = new DOMParser().parseFromString(page, 'text/html');
    expect(page).not.toContain(SCRIPT);
    expect(page).not.toContain(EVIL_AUTHOR);
    expect(d.querySelectorAll('script, [onmouseover]')).toHaveLength(0);
    expect([...d.querySelectorAll('b')].map(text)).not.toContain('bold');
    expect([...d.querySelectorAll('.summary div')].map(text)).toContain('5verdicts');

    const section = d.querySelector('#review')!;
    expect(text(section.querySelector('h2'))).toBe('Review');
    const counts = section.querySelector('table.counts')!;
    expect(cells(counts.querySelector('thead tr')!)).toEqual(['Image', 'A', 'B', 'accept A', 'accept B', 'both wrong', 'needs discussion', 'All verdicts']);
    expect([...counts.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['1. Port of Busan', 'ana', 'ben', '2', '0', '0', '1', '3'],
      [`2. ${EVIL_TITLE}`, 'ana', 'ben', '0', '0', '1', '0', '1'],
      [`2. ${EVIL_TITLE}`, EVIL_AUTHOR, 'ana', '0', '1', '0', '0', '1'],
    ]);
    expect(cells(counts.querySelector('tfoot tr')!)).toEqual(['Whole case', '2', '1', '1', '1', '5']);

    const groups = [...section.querySelectorAll('article.review')];
    expect(groups.map((g) => text(g.querySelector('h3')))).toEqual(['1. Port of Busan: A ana, B ben', `2. ${EVIL_TITLE}: A ana, B ben`, `2. ${EVIL_TITLE}: A ${EVIL_AUTHOR}, B ana`]);
    expect(groups[0]!.querySelector('h3 a')?.getAttribute('href')).toBe('#image-1');
    expect(cells(groups[0]!.querySelector('thead tr')!)).toEqual(['Difference', "A's box", "B's box", 'Verdict', 'Comment', 'Reviewer', 'Date']);
    // The most severe kind of difference first.
    expect([...groups[0]!.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['only A drew it', 'ship', '—', 'accept A', 'ben missed it', CLAIMANT, '2026-01-05 10:00 UTC'],
      ['only B drew it', '—', 'a box not in this case', 'accept A', '—', 'cho', '2026-01-05 10:00 UTC'],
      ['drawn differently (little overlap)', 'container stack', 'container', 'needs discussion', `${SCRIPT} check the stack`, 'cho', '2026-01-06 09:30 UTC'],
    ]);
    expect([...groups[2]!.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['labelled differently', 'container stack', 'container stack', 'accept B', '—', 'cho', '2026-01-05 10:00 UTC'],
    ]);
    // Label swatches keep to plain hex colours here too.
    expect(page).not.toContain('evil.example');
    for (const url of [...d.querySelectorAll('[src], [href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href'))) {
      expect(url).toMatch(/^(data:image\/jpeg;base64,|overlays\/busan\.jpg$|#(image|claim)-\d+$)/);
    }
  });

  it('says so when a claim counts something no label of the case names', () => {
    const s = snapshot();
    s.claims = [claim('c9', 'Many trucks left.', '2023', { quantity: { value: 40, unit: 'trucks', qualifier: 'about' } })];
    const page = new DOMParser().parseFromString(renderReport(input({ snapshot: s })), 'text/html');
    expect(text(page.querySelector('.quantity'))).toBe('claimed: about 40 trucks; no label of this case counts “trucks”, so the boxes cannot be tallied against it.');
  });
});
