import { describe, expect, it } from 'vitest';
import type { FormatImage } from '../../../src/bundle/formats/types';
import { readVoc, writeVoc } from '../../../src/bundle/formats/voc';
import { boxBounds } from '../../../src/model/geometry';

const IMAGE: FormatImage = {
  fileName: 'Busan & <port>.png',
  width: 1042,
  height: 699,
  boxes: [
    { label: 'ship', geometry: { x: 1.5, y: 2.25, width: 10, height: 4, rotation: 0 } },
    { label: 'container "stack"', geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 90 } },
  ],
};

const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Each bndbox is the axis-aligned bounding box of a possibly rotated box; the DOTA export keeps the rotated corners. -->
<annotation>
  <filename>Busan &amp; &lt;port&gt;.png</filename>
  <size>
    <width>1042</width>
    <height>699</height>
  </size>
  <object>
    <name>ship</name>
    <difficult>0</difficult>
    <bndbox>
      <xmin>1.5</xmin>
      <ymin>2.25</ymin>
      <xmax>11.5</xmax>
      <ymax>6.25</ymax>
    </bndbox>
  </object>
  <object>
    <name>container &quot;stack&quot;</name>
    <difficult>0</difficult>
    <bndbox>
      <xmin>25</xmin>
      <ymin>5</ymin>
      <xmax>35</xmax>
      <ymax>45</ymax>
    </bndbox>
  </object>
</annotation>
`;

describe('writeVoc', () => {
  it('writes one escaped annotation with the axis-aligned bounds of each box', () => {
    expect(writeVoc(IMAGE)).toBe(EXPECTED);
  });

  it('drops characters XML forbids, so the file stays readable', () => {
    expect(writeVoc({ ...IMAGE, boxes: [{ ...IMAGE.boxes[0]!, label: 'sh\u0001ip\u0007' }] })).toContain('<name>ship</name>');
  });
});

describe('readVoc', () => {
  it('reads back what writeVoc wrote, as unrotated bounds', () => {
    expect(readVoc(EXPECTED)).toEqual({
      images: [
        {
          fileName: 'Busan & <port>.png',
          width: 1042,
          height: 699,
          boxes: [
            { label: 'ship', geometry: { x: 1.5, y: 2.25, width: 10, height: 4, rotation: 0 } },
            { label: 'container "stack"', geometry: { x: 25, y: 5, width: 10, height: 40, rotation: 0 } },
          ],
        },
      ],
      problems: [],
    });
  });

  for (const rotation of [17.5, -45, 179]) {
    it(`gives a box rotated by ${rotation}° its bounding box`, () => {
      const geometry = { x: 100.25, y: 50.5, width: 30, height: 8, rotation };
      const g = readVoc(writeVoc({ ...IMAGE, boxes: [{ label: 'ship', geometry }] })).images[0]?.boxes[0]?.geometry;
      const b = boxBounds(geometry);
      expect(g?.rotation).toBe(0);
      // Two decimals are written, so each edge may move by up to 0.005 px.
      expect(g?.x).toBeCloseTo(b.minX, 2);
      expect(g?.y).toBeCloseTo(b.minY, 2);
      expect((g?.x ?? NaN) + (g?.width ?? NaN)).toBeCloseTo(b.maxX, 2);
      expect((g?.y ?? NaN) + (g?.height ?? NaN)).toBeCloseTo(b.maxY, 2);
    });
  }

  it('reads LabelImg-style files: attributes, path, pose, parts, CDATA, comments and numeric entities', () => {
    const xml = `<annotation verified="yes">
      <folder>imgs</folder><path>C:\\data\\imgs\\p1.jpg</path>
      <size><width>640</width><height>480</height><depth>3</depth></size>
      <!-- <object><name>commented out</name></object> -->
      <object><name><![CDATA[rail <car>]]></name><pose>Unspecified</pose><truncated>0</truncated>
        <bndbox><xmin>10</xmin><ymin>20</ymin><xmax>30</xmax><ymax>60</ymax></bndbox>
        <part><name>wheel</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></part>
      </object>
      <object><name>caf&#233; &#x41;</name><difficult/><bndbox><xmin> 0 </xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object>
    </annotation>`;
    expect(readVoc(xml)).toEqual({
      images: [
        {
          fileName: 'p1.jpg',
          width: 640,
          height: 480,
          boxes: [
            { label: 'rail <car>', geometry: { x: 10, y: 20, width: 20, height: 40, rotation: 0 } },
            { label: 'café A', geometry: { x: 0, y: 0, width: 1, height: 1, rotation: 0 } },
          ],
        },
      ],
      problems: [],
    });
  });

  it('refuses DOCTYPE and ENTITY declarations (entity expansion) and reads nothing', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><annotation><filename>&lol2;</filename></annotation>';
    expect(readVoc(bomb, 'p1.xml')).toEqual({
      images: [],
      problems: ['p1.xml was not read: it contains a DOCTYPE or ENTITY declaration, which VOC files never need and which could expand entities. Nothing was imported.'],
    });
    expect(readVoc('<annotation><!ENTITY x "y"></annotation>').images).toEqual([]);
  });

  it('refuses text that is not well formed or not VOC, naming why', () => {
    const read = (xml: string) => readVoc(xml, 'a.xml').problems;
    expect(read('<annotation><object></annotation>')).toEqual(['a.xml was not read: </annotation> closes <object>. Nothing was imported.']);
    expect(read('<annotation><filename>a</filename>')).toEqual(['a.xml was not read: <annotation> is never closed. Nothing was imported.']);
    expect(read('<annotation/><annotation/>')).toEqual(['a.xml was not read: it must have exactly one root element. Nothing was imported.']);
    expect(read('<annotation>a < b</annotation>')).toEqual(['a.xml was not read: a "<" starts no tag. Nothing was imported.']);
    expect(read('</x>')).toEqual(['a.xml was not read: </x> closes nothing. Nothing was imported.']);
    expect(read('<coco/>')).toEqual(['a.xml is not Pascal VOC: its root element is <coco>, not <annotation>. Nothing was imported.']);
    expect(read('<annotation><size/></annotation>')).toEqual(['a.xml names no image (<filename> is missing or empty). Nothing was imported.']);
  });

  it('reports each unreadable object and keeps the rest', () => {
    const xml = `<annotation><filename>a.png</filename>
      <object><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object>
      <object><name>ship</name><robndbox><cx>5</cx></robndbox></object>
      <object><name>ship</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>x</xmax><ymax>1</ymax></bndbox></object>
      <object><name>ship</name><bndbox><xmin>5</xmin><ymin>0</ymin><xmax>5</xmax><ymax>1</ymax></bndbox></object>
      <object><name>ship</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>5</xmax><ymax>1</ymax></bndbox></object>
    </annotation>`;
    const read = readVoc(xml, 'a.xml');
    expect(read.problems).toEqual([
      'a.xml, object 1: it has no <name>; it was skipped.',
      'a.xml, object 2: "ship" has no <bndbox> (oriented <robndbox> boxes are not read); it was skipped.',
      'a.xml, object 3: "ship" needs numbers in <xmin>, <ymin>, <xmax> and <ymax>; it was skipped.',
      'a.xml, object 4: "ship" has xmax or ymax not beyond xmin or ymin; it was skipped.',
    ]);
    expect(read.images[0]?.boxes).toEqual([{ label: 'ship', geometry: { x: 0, y: 0, width: 5, height: 1, rotation: 0 } }]);
  });
});

describe('readVoc on hostile text', () => {
  it('refuses an unclosed comment, and stays fast on many of them', () => {
    const started = Date.now();
    expect(readVoc('<!--'.repeat(200_000), 'a.xml').problems).toEqual(['a.xml was not read: a comment or processing instruction is never closed. Nothing was imported.']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
