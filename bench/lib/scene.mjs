// The benchmark's own data: a 100-MP port-like JPEG painted in the page, and seeded boxes written
// as COCO for the app and handed as plain objects to the baseline, so both draw the same scene.
// Functions marked "in the page" are serialized by Playwright: they may use nothing outside
// themselves.

export const IMAGE = { fileName: 'port-100mp.jpg', width: 10_000, height: 10_000, seed: 20231013, quality: 0.9 };

/**
 * The image has a pure magenta square at its centre, the probes' sign that it is drawn, with a
 * 1-px checkerboard in its middle, their sign of full resolution.
 */
export const MARKER = { rgb: [255, 0, 255], side: 1600, checker: 200 };

/** The case's default colours of the labels used (src/model/labels.ts); the image avoids them. */
export const LABELS = [
  { name: 'ship', color: '#ff4d4f' },
  { name: 'container', color: '#fadb14' },
  { name: 'crane', color: '#13c2c2' },
];

export const labelRgb = () => LABELS.map((l) => [1, 3, 5].map((i) => parseInt(l.color.slice(i, i + 2), 16)));

/** mulberry32, as tests/fixtures/seededRandom.ts. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (v) => Math.round(v * 100) / 100;

/**
 * `count` boxes in image pixels, sides 8 to 300 px: small containers, longer ships, cranes;
 * about one in ten turned, none over the marker. Values are already rounded as the app stores them (to 0.01).
 */
export function makeBoxes(count, seed = 7) {
  const random = seededRandom(seed + count);
  const boxes = [];
  for (let i = 0; i < count; i += 1) {
    const kind = random();
    const [label, width, height] =
      kind < 0.45
        ? ['container', 8 + random() * 32, 8 + random() * 14]
        : kind < 0.85
          ? ['ship', 40 + random() * 260, 10 + random() * 50]
          : ['crane', 20 + random() * 80, 20 + random() * 80];
    const rotation = random() < 0.1 ? r2(-80 + random() * 160) || 5 : 0;
    const margin = 320;
    let x;
    let y;
    // Boxes keep off the marker (and its surroundings, for turned ones), which the probes look for.
    do {
      x = margin + random() * (IMAGE.width - 2 * margin);
      y = margin + random() * (IMAGE.height - 2 * margin);
    } while (Math.abs(x - IMAGE.width / 2) < MARKER.side / 2 + margin && Math.abs(y - IMAGE.height / 2) < MARKER.side / 2 + margin);
    boxes.push({ label, x: r2(x), y: r2(y), width: r2(width), height: r2(height), rotation });
  }
  return boxes;
}

/** Corners clockwise from the unrotated top-left, turned about the centre (src/model/geometry.ts). */
function corners(b) {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const rad = (b.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([sx, sy]) => {
    const dx = (sx * b.width) / 2;
    const dy = (sy * b.height) / 2;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  });
}

/** COCO detection JSON naming the benchmark image (or a copy of it); turned boxes as the app's reader restores them. */
export function cocoFile(boxes, fileName = IMAGE.fileName) {
  const category = new Map(LABELS.map((l, i) => [l.name, i + 1]));
  const annotations = boxes.map((b, i) => {
    const a = { id: i + 1, image_id: 1, category_id: category.get(b.label), iscrowd: 0, area: b.width * b.height };
    if (b.rotation === 0) return { ...a, bbox: [b.x, b.y, b.width, b.height] };
    const c = corners(b);
    const xs = c.map((p) => p[0]);
    const ys = c.map((p) => p[1]);
    const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
    return {
      ...a,
      bbox: [minX, minY, Math.max(...xs) - minX, Math.max(...ys) - minY],
      segmentation: [c.flat()],
      attributes: { rotation: b.rotation },
    };
  });
  return JSON.stringify({
    images: [{ id: 1, file_name: fileName, width: IMAGE.width, height: IMAGE.height }],
    categories: LABELS.map((l, i) => ({ id: i + 1, name: l.name, supercategory: '' })),
    annotations,
  });
}

/**
 * In the page: paints the port (water, quays, container yards, ships, a faint noise texture so the
 * JPEG has the weight of real imagery, the magenta marker) and keeps the JPEG as
 * window.__benchJpeg. Per-pixel noise over 100 MP would take minutes, so the noise is a 512 px
 * tile laid as a pattern. Returns the JPEG's size in bytes and how long painting and encoding took.
 */
export async function paintPortJpeg({ width, height, seed, quality, marker }) {
  const t0 = performance.now();
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (items) => items[Math.floor(random() * items.length)];
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');

  const water = ctx.createLinearGradient(0, 0, width, height);
  water.addColorStop(0, '#16324a');
  water.addColorStop(0.6, '#0e2536');
  water.addColorStop(1, '#1b3d52');
  ctx.fillStyle = water;
  ctx.fillRect(0, 0, width, height);

  // Land along the top and the left, with quays reaching into the water.
  const land = ctx.createLinearGradient(0, 0, 0, height * 0.35);
  land.addColorStop(0, '#6f6a5e');
  land.addColorStop(1, '#5d5a52');
  ctx.fillStyle = land;
  ctx.fillRect(0, 0, width, height * 0.3);
  ctx.fillRect(0, 0, width * 0.18, height);
  ctx.fillStyle = '#7c7a72';
  for (let x = width * 0.22; x < width * 0.95; x += width * 0.14) ctx.fillRect(x, height * 0.3, width * 0.05, height * (0.2 + random() * 0.35));

  // Container yards: rows of small boxes in muted colours on the land.
  const containers = ['#8a4b35', '#3b5f86', '#4f6d4a', '#a39a85', '#7c7f85', '#5b4a6b'];
  for (let i = 0; i < 5000; i += 1) {
    const x = random() * width;
    const y = random() * height * 0.28;
    ctx.fillStyle = pick(containers);
    for (let k = 0; k < 6; k += 1) ctx.fillRect(x + k * 26, y, 24, 10);
  }
  // Ships: pale hulls with dark decks on the water.
  for (let i = 0; i < 1500; i += 1) {
    const x = width * 0.2 + random() * width * 0.78;
    const y = height * 0.32 + random() * height * 0.66;
    const long = 60 + random() * 260;
    const beam = 12 + random() * 40;
    ctx.fillStyle = '#c9c6bd';
    ctx.fillRect(x, y, long, beam);
    ctx.fillStyle = '#3a3d42';
    ctx.fillRect(x + long * 0.1, y + beam * 0.2, long * 0.6, beam * 0.6);
  }

  const tile = new OffscreenCanvas(512, 512);
  const tctx = tile.getContext('2d');
  const noise = tctx.createImageData(512, 512);
  for (let i = 0; i < noise.data.length; i += 4) {
    const v = Math.floor(random() * 256);
    noise.data[i] = v;
    noise.data[i + 1] = v;
    noise.data[i + 2] = v;
    noise.data[i + 3] = 255;
  }
  tctx.putImageData(noise, 0, 0);
  ctx.globalAlpha = 0.12;
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillRect(0, 0, width, height);
  ctx.globalAlpha = 1;

  ctx.fillStyle = `rgb(${marker.rgb.join(',')})`;
  ctx.fillRect((width - marker.side) / 2, (height - marker.side) / 2, marker.side, marker.side);
  // A 1-px black and white checkerboard in the marker's middle: grey unless drawn from full-resolution pixels.
  const checker = ctx.createImageData(marker.checker, marker.checker);
  for (let i = 0; i < checker.data.length; i += 4) {
    const p = i / 4;
    const v = ((p % marker.checker) + Math.floor(p / marker.checker)) % 2 ? 255 : 0;
    checker.data.set([v, v, v, 255], i);
  }
  ctx.putImageData(checker, (width - marker.checker) / 2, (height - marker.checker) / 2);

  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  window.__benchJpeg = blob;
  return { bytes: blob.size, ms: performance.now() - t0 };
}

/**
 * In the page: a copy of window.__benchJpeg with a comment segment naming the run, so every
 * import stores new bytes (the app keeps one blob per SHA-256) while decoding the same pixels.
 * Returns a DataTransfer holding it as `fileName`, to drop on the app.
 */
export async function jpegCopyToDrop({ fileName, note }) {
  const bytes = new Uint8Array(await window.__benchJpeg.arrayBuffer());
  // After the JFIF APP0 segment when there is one, else right after the start-of-image marker.
  const at = bytes[2] === 0xff && bytes[3] === 0xe0 ? 4 + ((bytes[4] << 8) | bytes[5]) : 2;
  const text = new TextEncoder().encode(note);
  const segment = new Uint8Array([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff, ...text]);
  const data = new DataTransfer();
  data.items.add(new File([bytes.subarray(0, at), segment, bytes.subarray(at)], fileName, { type: 'image/jpeg' }));
  return data;
}

/** In the page: a small plain grey JPEG, another image to open before the big one. */
export async function smallJpegToDrop({ fileName }) {
  const canvas = new OffscreenCanvas(1200, 900);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#5a6470';
  ctx.fillRect(0, 0, 1200, 900);
  const data = new DataTransfer();
  data.items.add(new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], fileName, { type: 'image/jpeg' }));
  return data;
}

/**
 * The pan-and-zoom path, one wheel event per frame, about the centre of the canvas: from the fit
 * view, 12 zoom notches in (16x), a loop of panning there, 12 notches back out to the fit view,
 * then a loop of panning with every box in view. 224 frames. Zoomed in, the view centre shows
 * the image's checkerboard, not the marker; back at the fit view, the marker.
 */
export function panZoomPath() {
  const steps = [];
  const repeat = (n, step) => {
    for (let i = 0; i < n; i += 1) steps.push(step);
  };
  repeat(12, { deltaY: -100 });
  steps[steps.length - 1] = { ...steps.at(-1), expectImage: false };
  repeat(50, { deltaY: 60, shiftKey: true });
  repeat(30, { deltaY: 60, altKey: true });
  repeat(50, { deltaY: -60, shiftKey: true });
  repeat(30, { deltaY: -60, altKey: true });
  repeat(12, { deltaY: 100 });
  repeat(10, { deltaY: 40, shiftKey: true });
  repeat(10, { deltaY: 40, altKey: true });
  repeat(10, { deltaY: -40, shiftKey: true });
  repeat(10, { deltaY: -40, altKey: true });
  steps[steps.length - 1] = { ...steps.at(-1), expectImage: true };
  return steps;
}
