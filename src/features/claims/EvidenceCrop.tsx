// One linked box shown as a crop of its image, with the image's title and capture date.
// Clicking it opens the image centred on the box.
import { useEffect, useRef, useState } from 'react';
import { imageBytes } from '../../db/images';
import type { LabelDef } from '../../model/labels';
import type { Annotation, ImageRecord, LinkRecord } from '../../model/records';
import { drawCrop } from '../../canvas/renderEvidence';
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
        if (!cancelled && canvas.current) drawCrop(canvas.current, bitmap, box, labels, CROP_PX);
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
