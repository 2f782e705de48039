// Pascal VOC XML (http://host.robots.ox.ac.uk/pascal/VOC/voc2012/htmldoc/devkit_doc.html): one
// file per image. VOC boxes are axis-aligned, so <bndbox> is the BOUNDS of each (possibly
// rotated) box (issue 4, item 5). Coordinates are written and read as the app's continuous,
// 0-based pixels, as CVAT and LabelImg do, not the devkit's 1-based inclusive indices.
//
// The reader is a small hand-written tag reader, not DOMParser, because it must also run in
// Node (tests, main process). It reads elements and text only; it refuses DOCTYPE and ENTITY
// declarations outright, so no entity expansion ("billion laughs") or external entity can occur.
import type { BoxGeometry } from '../../model/geometry';
import { boxBounds } from '../../model/geometry';
import { capProblems, decimal, oversizeProblem } from './types';
import type { FormatBox, FormatImage, ReadImage, ReadResult } from './types';

// Two decimals: the app stores geometry to 1/100 px, and VOC tools expect plain numbers.
const PLACES = 2;

// The characters XML 1.0 forbids in a document; a label holding one would make the file unreadable.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for an XML element: escaped, and without the characters XML 1.0 forbids. */
function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export function writeVoc(image: FormatImage): string {
  const objects = image.boxes.map((box) => {
    const b = boxBounds(box.geometry);
    const edge = (tag: string, v: number) => `      <${tag}>${decimal(v, PLACES)}</${tag}>\n`;
    return (
      `  <object>\n    <name>${xmlText(box.label)}</name>\n    <difficult>0</difficult>\n    <bndbox>\n` +
      `${edge('xmin', b.minX)}${edge('ymin', b.minY)}${edge('xmax', b.maxX)}${edge('ymax', b.maxY)}    </bndbox>\n  </object>\n`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!-- Each bndbox is the axis-aligned bounding box of a possibly rotated box; the DOTA export keeps the rotated corners. -->\n' +
    `<annotation>\n  <filename>${xmlText(image.fileName)}</filename>\n` +
    `  <size>\n    <width>${image.width}</width>\n    <height>${image.height}</height>\n  </size>\n` +
    `${objects.join('')}</annotation>\n`
  );
}

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** `text` without the spans from `open` to `close`; by indexOf, so it stays linear on hostile text. */
function cut(text: string | null, open: string, close: string): string | null {
  if (text === null) return null;
  let out = '';
  let from = 0;
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, from)) {
    const end = text.indexOf(close, start + open.length);
    if (end === -1) return null;
    out += text.slice(from, start);
    from = end + close.length;
  }
  return out + text.slice(from);
}

// CDATA | tag (attributes skipped, quoted values may hold '>') | text | a stray '<'.
const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|(<)/g;

/** The document's root element, or a sentence saying why the text is not XML this reader takes. */
function parseXml(text: string): XmlElement | string {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return 'it contains a DOCTYPE or ENTITY declaration, which VOC files never need and which could expand entities';
  }
  const body = cut(cut(text, '<!--', '-->'), '<?', '?>');
  if (body === null) return 'a comment or processing instruction is never closed';
  const top: XmlElement = { name: '', children: [], text: '' };
  const stack: XmlElement[] = [top];
  for (const m of body.matchAll(TOKEN)) {
    const current = stack[stack.length - 1] ?? top;
    const [, cdata, slash, name, rest, chars, stray] = m;
    if (stray !== undefined) return 'a "<" starts no tag';
    if (cdata !== undefined) current.text += cdata;
    else if (chars !== undefined) current.text += decodeEntities(chars);
    else if (name !== undefined && slash === '/') {
      if (current.name !== name) return current === top ? `</${name}> closes nothing` : `</${name}> closes <${current.name}>`;
      stack.pop();
    } else if (name !== undefined) {
      const element: XmlElement = { name, children: [], text: '' };
      current.children.push(element);
      if (!(rest ?? '').trimEnd().endsWith('/')) stack.push(element);
    }
  }
  const open = stack[stack.length - 1];
  if (open && open !== top) return `<${open.name}> is never closed`;
  const [root, ...others] = top.children;
  if (!root || others.length) return 'it must have exactly one root element';
  return root;
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const textOf = (el: XmlElement, name: string) => child(el, name)?.text.trim() ?? '';
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/**
 * Reads one VOC XML file. `source` names the file in problems. The image is the <filename>
 * (or, failing that, the last part of <path>), without folders.
 */
export function readVoc(text: string, source = 'The VOC file'): ReadResult {
  const oversize = oversizeProblem(text, 'VOC file');
  if (oversize) return { images: [], problems: [oversize] };
  const root = parseXml(text.replace(/^\uFEFF/, ''));
  if (typeof root === 'string') return { images: [], problems: [`${source} was not read: ${root}. Nothing was imported.`] };
  if (root.name !== 'annotation') {
    return { images: [], problems: [`${source} is not Pascal VOC: its root element is <${root.name}>, not <annotation>. Nothing was imported.`] };
  }
  const fileName = baseName(textOf(root, 'filename') || textOf(root, 'path'));
  if (!fileName) return { images: [], problems: [`${source} names no image (<filename> is missing or empty). Nothing was imported.`] };

  const problems: string[] = [];
  const image: ReadImage = { fileName, boxes: [] };
  const size = child(root, 'size');
  const width = Number(size ? textOf(size, 'width') : '');
  const height = Number(size ? textOf(size, 'height') : '');
  if (width > 0 && Number.isFinite(width)) image.width = width;
  if (height > 0 && Number.isFinite(height)) image.height = height;

  root.children
    .filter((c) => c.name === 'object')
    .forEach((object, index) => {
      const box = readObject(object);
      if (typeof box === 'string') problems.push(`${source}, object ${index + 1}: ${box}; it was skipped.`);
      else image.boxes.push(box);
    });
  return { images: [image], problems: capProblems(problems) };
}

function readObject(object: XmlElement): FormatBox | string {
  const label = textOf(object, 'name');
  if (!label) return 'it has no <name>';
  const bndbox = child(object, 'bndbox');
  if (!bndbox) return `"${label}" has no <bndbox> (oriented <robndbox> boxes are not read)`;
  const [xmin, ymin, xmax, ymax] = ['xmin', 'ymin', 'xmax', 'ymax'].map((tag) => {
    const raw = textOf(bndbox, tag);
    return raw === '' ? NaN : Number(raw);
  }) as [number, number, number, number];
  if (![xmin, ymin, xmax, ymax].every(Number.isFinite)) return `"${label}" needs numbers in <xmin>, <ymin>, <xmax> and <ymax>`;
  if (!(xmax > xmin && ymax > ymin)) return `"${label}" has xmax or ymax not beyond xmin or ymin`;
  const geometry: BoxGeometry = { x: xmin, y: ymin, width: xmax - xmin, height: ymax - ymin, rotation: 0 };
  return { label, geometry };
}
