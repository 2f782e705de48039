import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PATHS, type Manifest } from '../../../src/bundle/bundleFormat';
import { readBundle, type BundleRead, type ReadBundleOptions } from '../../../src/bundle/readBundle';
import { writeBundle } from '../../../src/bundle/writeBundle';
import { formatBytes } from '../../../src/model/limits';
import { EXTRA_FILES, PNG_A, PNG_B, makeBundle, patchEntry, sampleAudit, sampleCase, shaOf, zipOf, type MakeOptions } from './makeBundle';

const NOTHING = ' Nothing was imported.';
const encoder = new TextEncoder();
const SHA_A = shaOf(PNG_A);
const SHA_B = shaOf(PNG_B);
const PATH_A = `images/${SHA_A}.png`;
const PATH_B = `images/${SHA_B}.png`;

async function errorOf(source: Uint8Array | Blob, options?: ReadBundleOptions): Promise<string> {
  const read = await readBundle(source, options);
  if (read.ok) throw new Error('the bundle was accepted');
  return read.error;
}
const refusalOf = (edits: MakeOptions, options?: ReadBundleOptions) => errorOf(makeBundle(edits).zip, options);
/** A valid bundle with one more entry that is not in its manifest (name checks come first). */
const withEntry = (name: string, extra: Record<string, Uint8Array> = {}) =>
  makeBundle({ editFiles: (f) => Object.assign(f, { [name]: encoder.encode('x') }, extra) }).zip;
const accepted = (read: BundleRead) => {
  if (!read.ok) throw new Error(read.error);
  return read;
};

describe('reading a valid bundle', () => {
  it('gives back exactly the records, the audit chain and the original bytes', async () => {
    const made = makeBundle();
    const progress: Array<[number, number]> = [];
    const read = accepted(await readBundle(made.zip, { onProgress: (done, total) => progress.push([done, total]) }));
    expect(read.caseJson).toEqual(sampleCase());
    expect(read.audit).toEqual(sampleAudit(sampleCase()));
    expect(read.manifest).toEqual(made.manifest);
    expect([...read.images.keys()].sort()).toEqual([SHA_A, SHA_B].sort());
    expect(new Uint8Array(await read.images.get(SHA_A)!.arrayBuffer())).toEqual(PNG_A);
    expect(new Uint8Array(await read.images.get(SHA_B)!.arrayBuffer())).toEqual(PNG_B);
    expect([...read.files.keys()].sort()).toEqual([PATHS.sums, ...Object.keys(EXTRA_FILES)].sort());
    expect(new TextDecoder().decode(read.files.get('report.html'))).toBe(EXTRA_FILES['report.html']);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1]![0])).toBe(true);
  });

  it('reads a Blob (a chosen File) as well as bytes', async () => {
    const read = accepted(await readBundle(new Blob([makeBundle().zip as Uint8Array<ArrayBuffer>])));
    expect(read.caseJson.annotations.map((a) => a.geometry.rotation)).toEqual([33.5, -120]);
  });

  it('reads back what writeBundle writes', async () => {
    const caseJson = sampleCase();
    const audit = sampleAudit(caseJson);
    const originals = new Map([[SHA_A, PNG_A], [SHA_B, PNG_B]]);
    const chunks: Uint8Array[] = [];
    await writeBundle(
      {
        caseJson, audit, exportedBy: 'ana', app: { name: 'Evidence Annotator', version: 'test' },
        original: async (sha) => new Blob([originals.get(sha)! as Uint8Array<ArrayBuffer>]),
        extraFiles: [{ path: 'exports/README.txt', mediaType: 'text/plain', bytes: encoder.encode('hi\n') }],
      },
      { write: async (c) => void chunks.push(c) },
    );
    const read = accepted(await readBundle(new Blob(chunks as Uint8Array<ArrayBuffer>[])));
    expect(read.caseJson).toEqual(caseJson);
    expect(read.audit).toEqual(audit);
    expect(new Uint8Array(await read.images.get(SHA_B)!.arrayBuffer())).toEqual(PNG_B);
  });
});

describe('refusing what is not a bundle', () => {
  it('refuses a PNG renamed to .zip', async () => {
    expect(await errorOf(PNG_A)).toBe(`This file is not a ZIP archive (it looks like a PNG image).${NOTHING}`);
  });

  it('refuses garbage that starts with "PK"', async () => {
    expect(await errorOf(encoder.encode('PK garbage, not a zip at all'))).toBe(`This file is not a ZIP archive.${NOTHING}`);
  });

  it('refuses a ZIP cut short (its central directory is gone)', async () => {
    const zip = makeBundle().zip;
    expect(await errorOf(zip.subarray(0, zip.length - 100))).toBe(
      `This file starts like a ZIP archive but its table of contents (the central directory) is missing or damaged; it may have been cut short while copying.${NOTHING}`,
    );
  });

  it('refuses a ZIP without manifest.json', async () => {
    expect(await errorOf(zipOf({ 'case.json': '{}' }))).toBe(`This file is a ZIP archive but not an evidence bundle: it has no manifest.json.${NOTHING}`);
  });
});

describe("refusing another application's ZIP archive as what it is", () => {
  const NOT_A_BUNDLE = 'This file is a ZIP archive but not an evidence bundle: it has no manifest.json.';
  const office = { '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'docProps/app.xml': '<Properties/>' };

  it.each([
    ['a Word document', { ...office, 'word/document.xml': '<w:document/>' }, 'It looks like a Word document.'],
    ['an Excel workbook', { ...office, 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' }, 'It looks like an Excel workbook.'],
    ['an EPUB e-book', { mimetype: 'application/epub+zip', 'META-INF/container.xml': '<container/>', 'OEBPS/ch1.xhtml': '<html/>' }, 'It looks like an EPUB e-book.'],
    ['an OpenDocument text', { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }, 'It looks like an OpenDocument file (LibreOffice).'],
    ['a KMZ from Google Earth', { 'doc.kml': '<kml/>', 'files/icon.png': PNG_A }, 'It looks like a Google Earth (KMZ) file.'],
    ['a zipped shapefile', { 'ports.shp': 'x', 'ports.dbf': 'x', 'ports.prj': 'x' }, 'It looks like a zipped shapefile (GIS data).'],
    ['a ZIP of photos', { 'rajin/2023-10-14.png': PNG_A, 'rajin/2023-10-15.JPG': PNG_B }, 'It holds only images: unzip it and add them with "Import images".'],
  ])('refuses %s, saying what it looks like', async (_, files, says) => {
    expect(await errorOf(zipOf(files))).toBe(`${NOT_A_BUNDLE} ${says}${NOTHING}`);
  });

  it('says so before judging its entries, which a bundle could not hold but another archive may', async () => {
    expect(await errorOf(zipOf({ ...office, 'word/document.xml': '<w:document/>', 'word\\media\\image1.png': PNG_A }))).toBe(`${NOT_A_BUNDLE} It looks like a Word document.${NOTHING}`);
  });

  it('refuses an archive whose manifest.json is another application\'s, such as a browser extension', async () => {
    const extension = zipOf({ 'manifest.json': JSON.stringify({ manifest_version: 3, name: 'Tab saver', version: '1.0' }), 'background.js': '' });
    expect(await errorOf(extension)).toBe(
      `This file is a ZIP archive but not an evidence bundle: its manifest.json belongs to something else (it has no "format": "evidence-bundle").${NOTHING}`,
    );
  });
});

describe('refusing unsafe entry names (before inflating)', () => {
  it('refuses an absolute path', async () => {
    expect(await errorOf(withEntry('/etc/passwd'))).toBe(`The bundle holds an entry named "/etc/passwd", an absolute path; every path in a bundle is relative to the bundle.${NOTHING}`);
  });

  it('refuses a path that climbs out with ..', async () => {
    expect(await errorOf(withEntry('exports/../../evil.sh'))).toBe(`The bundle holds an entry named "exports/../../evil.sh", which climbs out of the bundle with "..".${NOTHING}`);
  });

  it('refuses a backslash', async () => {
    expect(await errorOf(withEntry('images\\evil.png'))).toBe(`The bundle holds an entry named "images\\\\evil.png", with a backslash; bundle paths use forward slashes only.${NOTHING}`);
  });

  it('refuses a drive letter', async () => {
    expect(await errorOf(withEntry('C:/Windows/evil.dll'))).toBe(
      `The bundle holds an entry named "C:/Windows/evil.dll", which starts with a drive letter; every path in a bundle is relative to the bundle.${NOTHING}`,
    );
  });

  it('refuses a control character and an empty path segment', async () => {
    expect(await errorOf(withEntry('notes\u0000.txt'))).toBe(`The bundle holds an entry named "notes\\u0000.txt", with a control character in it.${NOTHING}`);
    expect(await errorOf(withEntry('exports//x.txt'))).toBe(`The bundle holds an entry named "exports//x.txt", with an empty or "." part in its path.${NOTHING}`);
  });

  it('refuses two names that differ only in case', async () => {
    expect(await errorOf(withEntry('Report.HTML'))).toBe(
      `The bundle holds two entries that a computer may treat as the same file, "report.html" and "Report.HTML" (they differ only in upper/lower case or Unicode form).${NOTHING}`,
    );
  });

  it('refuses two names that differ only in Unicode normalisation (é as NFC and NFD)', async () => {
    const nfc = 'exports/caf\u00e9.txt';
    const nfd = 'exports/cafe\u0301.txt';
    expect(await errorOf(withEntry(nfc, { [nfd]: encoder.encode('y') }))).toBe(
      `The bundle holds two entries that a computer may treat as the same file, "${nfc}" and "${nfd}" (they differ only in upper/lower case or Unicode form).${NOTHING}`,
    );
  });
});

describe('refusing unsafe entries (before inflating)', () => {
  it('refuses a symbolic link', async () => {
    const zip = patchEntry(makeBundle().zip, 'report.html', { externalAttr: (0o120777 << 16) >>> 0 });
    expect(await errorOf(zip)).toBe(`"report.html" in the bundle is a symbolic link, which a bundle never holds.${NOTHING}`);
  });

  it('refuses an encrypted entry', async () => {
    const zip = patchEntry(makeBundle().zip, PATHS.caseJson, { flags: (f) => f | 1 });
    expect(await errorOf(zip)).toBe(`"case.json" in the bundle is encrypted; the app cannot check an encrypted bundle.${NOTHING}`);
  });

  it('refuses a compression method other than stored and deflate', async () => {
    const zip = patchEntry(makeBundle().zip, PATHS.caseJson, { method: 12 });
    expect(await errorOf(zip)).toBe(`"case.json" in the bundle uses compression method 12; the app reads only stored (0) and deflated (8) entries.${NOTHING}`);
  });

  it('refuses more entries than the limit', async () => {
    expect(await refusalOf({}, { limits: { maxEntries: 6 } })).toBe(`The bundle holds 8 entries, more than the 6 the app accepts.${NOTHING}`);
  });

  it('refuses more declared bytes than the limit', async () => {
    const { zip } = makeBundle();
    const total = Object.values(unzipSync(zip)).reduce((n, bytes) => n + bytes.length, 0);
    expect(await errorOf(zip, { limits: { maxTotalBytes: 4096 } })).toBe(`The bundle would unpack to ${formatBytes(total)}, more than the 4 KiB the app accepts.${NOTHING}`);
  });

  it('refuses one entry declared larger than the per-file limit', async () => {
    expect(PNG_A.length).toBeLessThan(4096);
    expect(await refusalOf({}, { limits: { maxEntryBytes: 4096 } })).toBe(`"${PATH_B}" would unpack to ${formatBytes(PNG_B.length)}, more than the 4 KiB the app accepts for one file.${NOTHING}`);
  });
});

describe('refusing zip bombs and lying sizes (while inflating)', () => {
  it('stops a real zip bomb (50 MB of zeros) while inflating it, long before its end', async () => {
    const zeros = new Uint8Array(50_000_000);
    const made = makeBundle({ editPayload: (f) => void (f['exports/zeros.bin'] = zeros) });
    expect(made.zip.length).toBeLessThan(200_000);
    let done = 0;
    const error = await errorOf(made.zip, { onProgress: (d) => (done = d) });
    expect(error).toBe(`"exports/zeros.bin" expands more than 200 times its compressed size, the mark of a ZIP bomb; the app stopped unpacking it.${NOTHING}`);
    expect(done).toBeLessThan(20_000_000);
    // Compressing 50 MB to make the bomb takes seconds on a busy 2-core machine.
  }, 30_000);

  it('refuses an entry whose declared size is smaller than what it unpacks to', async () => {
    const zip = patchEntry(makeBundle().zip, PATHS.caseJson, { size: 100 });
    expect(await errorOf(zip)).toBe(`"case.json" unpacks to more than the 100 bytes its ZIP header declares; the archive was crafted or is damaged.${NOTHING}`);
  });
});

describe('refusing files that do not match the manifest', () => {
  it('names the file whose bytes do not match its SHA-256', async () => {
    const altered = PNG_B.slice();
    altered[200] = altered[200]! ^ 0xff;
    const error = await refusalOf({ editFiles: (f) => void (f[PATH_B] = altered) });
    expect(error).toBe(
      `${PATH_B} does not match its SHA-256 in the manifest (it hashes to ${shaOf(altered).slice(0, 12)}…, the manifest says ${SHA_B.slice(0, 12)}…): the file was changed or damaged after the bundle was made.${NOTHING}`,
    );
  });

  it('refuses a file that is in the bundle but not in its manifest', async () => {
    expect(await refusalOf({ editFiles: (f) => void (f['exports/extra.csv'] = encoder.encode('a,b\n')) })).toBe(`exports/extra.csv is in the bundle but not in its manifest.${NOTHING}`);
  });

  it('refuses a file listed in the manifest but missing from the bundle', async () => {
    expect(await refusalOf({ editFiles: (f) => void delete f['report.html'] })).toBe(`report.html is listed in the manifest but missing from the bundle.${NOTHING}`);
  });

  it('refuses SHA256SUMS that disagrees with the manifest', async () => {
    const error = await refusalOf({ editSums: (text) => text.replace(`${SHA_A}  ${PATH_A}`, `${'0'.repeat(64)}  ${PATH_A}`) });
    expect(error).toBe(`SHA256SUMS and manifest.json give different SHA-256s for ${PATH_A}.${NOTHING}`);
  });
});

describe('refusing JSON that is malformed, oversized or hostile', () => {
  it('refuses malformed case.json', async () => {
    expect(await refusalOf({ editPayload: (f) => void (f[PATHS.caseJson] = encoder.encode('{"case": {"id": ')) })).toBe(
      `case.json is not valid JSON: the file is damaged or was edited by hand.${NOTHING}`,
    );
  });

  it('refuses malformed manifest.json', async () => {
    expect(await refusalOf({ editFiles: (f) => void (f[PATHS.manifest] = encoder.encode('format: evidence-bundle')) })).toBe(
      `manifest.json is not valid JSON: the file is damaged or was edited by hand.${NOTHING}`,
    );
  });

  it('refuses oversized case.json before inflating it', async () => {
    let done = 0;
    const size = unzipSync(makeBundle().zip)[PATHS.caseJson]!.length;
    const error = await refusalOf({}, { limits: { maxCaseJsonBytes: 1024 }, onProgress: (d) => (done = d) });
    expect(error).toBe(`case.json is ${formatBytes(size)}, more than the 1 KiB the app reads for it.${NOTHING}`);
    expect(done).toBeLessThan(size); // only manifest.json was unpacked
  });

  it('refuses a __proto__ key and names the file', async () => {
    const error = await refusalOf({ editCase: (c) => void (c.annotations[1]!.attributes = JSON.parse('{"__proto__": {"polluted": true}}')) });
    expect(error).toBe(`case.json carries a key named "__proto__" (in annotations[1].attributes), which the app refuses because it could change how the app's own objects behave.${NOTHING}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a constructor key in an audit record and names the line', async () => {
    const error = await refusalOf({ editAudit: (records) => void (records[2]!.after = { constructor: { prototype: 'x' } }) });
    expect(error).toBe(`Line 3 of audit.jsonl carries a key named "constructor" (in after), which the app refuses because it could change how the app's own objects behave.${NOTHING}`);
  });

  it('refuses a prototype key in the manifest', async () => {
    const error = await refusalOf({ editManifest: (m) => void Object.assign(m.app, { prototype: 1 }) });
    expect(error).toBe(`manifest.json carries a key named "prototype" (in app), which the app refuses because it could change how the app's own objects behave.${NOTHING}`);
  });
});

describe('refusing bundles the app cannot or must not import', () => {
  it('asks for an update for a newer formatVersion', async () => {
    expect(await refusalOf({ editManifest: (m) => void (m.formatVersion = 2) })).toBe(
      `This bundle was made by a newer version of the app (format 2); update the app to import it.${NOTHING}`,
    );
  });

  it('refuses a manifest of another format', async () => {
    expect(await refusalOf({ editManifest: (m) => void ((m as { format: string }).format = 'photo-album') })).toBe(
      `This file is a ZIP archive but not an evidence bundle: its manifest.json belongs to something else (its format is "photo-album", not "evidence-bundle").${NOTHING}`,
    );
  });

  it('refuses a manifest of the wrong shape', async () => {
    expect(await refusalOf({ editManifest: (m) => void ((m.files[0] as { bytes: unknown }).bytes = '4.7 KiB') })).toBe(
      `manifest.json is not a valid bundle manifest (at files[0].bytes: Invalid input: expected number, received string).${NOTHING}`,
    );
  });

  it('refuses case.json records of the wrong shape', async () => {
    expect(await refusalOf({ editCase: (c) => void ((c.annotations[0]!.geometry as { width: unknown }).width = '20') })).toBe(
      `case.json does not hold a valid case (at annotations[0].geometry.width: Invalid input: expected number, received string).${NOTHING}`,
    );
  });

  it('refuses a geometry number that is not finite', async () => {
    const edit = (f: Record<string, Uint8Array>) => {
      f[PATHS.caseJson] = encoder.encode(new TextDecoder().decode(f[PATHS.caseJson]).replace('"rotation": -120', '"rotation": -1e999'));
    };
    expect(await refusalOf({ editPayload: edit })).toBe(`case.json does not hold a valid case (at annotations[1].geometry.rotation: Invalid input: expected number, received -Infinity).${NOTHING}`);
  });

  it('refuses a link to an annotation that is not in case.json', async () => {
    expect(await refusalOf({ editCase: (c) => void (c.links[0]!.annotationId = 'ann-9') })).toBe(
      `case.json is inconsistent: link link-1 refers to annotation ann-9, which is not in the file.${NOTHING}`,
    );
  });

  it('refuses a verdict on a box that is not in case.json', async () => {
    expect(await refusalOf({ editCase: (c) => void (c.reviews[0]!.aBoxId = 'ann-9') })).toBe(
      `case.json is inconsistent: review review-1 refers to annotation ann-9 (side A), which is not in the file.${NOTHING}`,
    );
  });

  it('refuses a verdict on an image that is not in case.json, or on boxes of another image', async () => {
    expect(await refusalOf({ editCase: (c) => void (c.reviews[0]!.imageId = 'img-9') })).toBe(
      `case.json is inconsistent: review review-1 is on image img-9, which is not in the file.${NOTHING}`,
    );
    expect(await refusalOf({ editCase: (c) => void (c.reviews[0]!.imageId = 'img-2') })).toBe(
      `case.json is inconsistent: review review-1 is on image img-2 but its annotation ann-1 (side A) is on image img-1.${NOTHING}`,
    );
  });

  it('refuses a verdict whose boxes do not fit its kind of difference', async () => {
    expect(await refusalOf({ editCase: (c) => void Object.assign(c.reviews[0]!, { kind: 'b-only' }) })).toBe(
      `case.json is inconsistent: review review-1 does not fit its difference: the difference is b-only, so it has no box on side A, but box ann-1 is named.${NOTHING}`,
    );
    expect(await refusalOf({ editCase: (c) => void Object.assign(c.reviews[0]!, { kind: 'low-iou' }) })).toBe(
      `case.json is inconsistent: review review-1 does not fit its difference: the difference is low-iou, so it needs a box on side B, but none is named.${NOTHING}`,
    );
  });

  it('refuses verdicts of the wrong shape', async () => {
    expect(await refusalOf({ editCase: (c) => void ((c.reviews[0] as { verdict: string }).verdict = 'maybe') })).toMatch(
      /^case\.json does not hold a valid case \(at reviews\[0\]\.verdict: .*"accept-a".*\)\. Nothing was imported\.$/,
    );
    expect(await refusalOf({ editCase: (c) => void ((c.reviews[0] as { bBoxId: unknown }).bBoxId = '') })).toMatch(/^case\.json does not hold a valid case \(at reviews\[0\]\.bBoxId: /);
    expect(await refusalOf({ editCase: (c) => void c.reviews.push({ ...c.reviews[0]! }) })).toBe(`case.json holds two reviews with the id review-1.${NOTHING}`);
  });

  it('refuses an image record without its original', async () => {
    expect(await refusalOf({ editPayload: (f) => void delete f[PATH_B] })).toBe(
      `The original of pier.png (${PATH_B}) is not in the bundle, so its image record has nothing to show.${NOTHING}`,
    );
  });

  it('names the first audit record that was altered', async () => {
    expect(await refusalOf({ editAudit: (records) => void (records[1]!.author = 'mallory') })).toBe(
      `The audit log in this bundle does not verify: record 12 (line 2 of audit.jsonl) was altered (its hash does not match).${NOTHING}`,
    );
  });

  it('refuses an audit log whose head is not the manifest auditHead', async () => {
    const head = sampleAudit(sampleCase()).at(-1)!.hash;
    expect(await refusalOf({ editManifest: (m) => void (m.auditHead = 'f'.repeat(64)) })).toBe(
      `The audit log in this bundle ends at record ${head.slice(0, 12)}… but the manifest names ffffffffffff… as its last: records were removed from or added to its end.${NOTHING}`,
    );
  });
});

describe('what a refusal leaves alone', () => {
  it('never reads past the first problem: an altered manifest is caught before the images are inflated', async () => {
    let calls = 0;
    const made = makeBundle({ editManifest: (m: Manifest) => void (m.formatVersion = 3) });
    await readBundle(made.zip, { onProgress: () => (calls += 1) });
    expect(calls).toBe(1); // manifest.json only
  });
});
