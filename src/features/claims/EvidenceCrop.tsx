// One linked box shown as a crop of its image, with the image's title and capture date.
// Clicking it opens the image centred on the box.
import { useEffect, useRef, useState } from 'react';
import { imageBytes } from '../../db/images';
import { boxBounds } from '../../model/geometry';
import { labelColor, type LabelDef } from '../../model/labels';
import type { Annotation, ImageRecord, LinkRecord } from '../../model/records';
import { traceBox } from '../../canvas/drawBoxes';
import { useServices } from '../app/services';
import { decodedImage } from './cropSource';

const CROP_PX = 160;

export function EvidenceCrop({ box, image, link, labels }: { box: Annotation; image: ImageRecord | undefined; link: LinkRecord; labels: readonly LabelDef[] }) {
  const { db, session } = useServices();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!image) return;
    let cancelled = false;
    decodedImage(image.sha256, () => imageBytes(db, image.sha256)).then(
      (bitmap) => {
        const el = canvas.current;
        const ctx = el?.getContext('2d');
        if (cancelled || !el || !ctx) return;
        // The box with a margin of a quarter of its size, so the crop shows its surroundings.
        const b = boxBounds(box.geometry);
        const pad = Math.max(b.maxX - b.minX, b.maxY - b.minY) * 0.25 + 4;
        const sx = Math.max(0, b.minX - pad);
        const sy = Math.max(0, b.minY - pad);
        const sw = Math.min(image.width, b.maxX + pad) - sx;
        const sh = Math.min(image.height, b.maxY + pad) - sy;
        const scale = CROP_PX / Math.max(sw, sh);
        el.width = Math.max(1, Math.round(sw * scale));
        el.height = Math.max(1, Math.round(sh * scale));
        ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, el.width, el.height);
        ctx.setTransform(scale, 0, 0, scale, -sx * scale, -sy * scale);
        ctx.beginPath();
        traceBox(ctx, box.geometry);
        ctx.strokeStyle = labelColor(labels, box.label);
        ctx.lineWidth = 2 / scale;
        ctx.stroke();
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [db, image, box, labels]);

  const where = image ? image.source.title || image.fileName : 'a removed image';
  const name = `${box.label}${box.attributes.name ? ` ${box.attributes.name}` : ''}${box.attributes.count !== undefined ? ` ×${box.attributes.count}` : ''}`;
  return (
    <figure className="evidence-crop">
      <button className="crop-button" aria-label={`Open ${name} in ${where}`} disabled={!image} onClick={() => image && session.getState().openBox(image.id, box.id)}>
        {failed ? <span className="muted small">image unavailable</span> : <canvas ref={canvas} width={CROP_PX} height={CROP_PX / 2} />}
      </button>
      <figcaption>
        <strong>{name}</strong>
        <span className="muted small">
          {where}
          {image ? ` · captured ${image.capturedAt || 'date unknown'}` : ''}
        </span>
        {link.note && <span className="small">“{link.note}”</span>}
      </figcaption>
    </figure>
  );
}
