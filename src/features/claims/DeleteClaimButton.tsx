// Deleting a claim. When boxes are linked to it, the confirmation names each link that goes.
import { useState } from 'react';
import { getAnnotations } from '../../db/annotations';
import { getImage } from '../../db/images';
import { claimSummary } from '../../model/claimQuery';
import type { ClaimRecord, LinkRecord } from '../../model/records';
import { deleteClaim } from '../../state/claimCommands';
import { useServices } from '../app/services';
import { Dialog } from '../common/Dialog';

export function DeleteClaimButton({ claim, links }: { claim: ClaimRecord; links: readonly LinkRecord[] }) {
  const services = useServices();
  const [described, setDescribed] = useState<string[] | null>(null);
  const remove = () => {
    setDescribed(null);
    void deleteClaim(services, claim.id).then(() => services.session.getState().selectClaim(null));
  };
  const ask = async () => {
    if (links.length === 0) return remove();
    const boxes = new Map((await getAnnotations(services.db, links.map((l) => l.annotationId))).map((a) => [a.id, a]));
    const names = new Map<string, string>();
    for (const imageId of new Set([...boxes.values()].map((b) => b.imageId))) {
      const image = await getImage(services.db, imageId);
      names.set(imageId, image?.source.title || image?.fileName || 'an image');
    }
    setDescribed(
      links.map((l) => {
        const box = boxes.get(l.annotationId);
        const what = box ? `${box.label}${box.attributes.name ? ` “${box.attributes.name}”` : ''} in ${names.get(box.imageId)}` : 'a box';
        return `${what} (${l.relation})`;
      }),
    );
  };
  return (
    <>
      <button onClick={() => void ask()}>Delete claim</button>
      {described && (
        <Dialog title="Delete claim" submitLabel="Delete claim" danger onSubmit={remove} onCancel={() => setDescribed(null)}>
          <p>
            Delete the claim “{claimSummary(claim, 120)}”? Its {described.length === 1 ? 'link' : `${described.length} links`} to boxes go
            too (the boxes stay):
          </p>
          <ul className="link-list">
            {described.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
          <p className="muted small">You can undo this with Ctrl+Z.</p>
        </Dialog>
      )}
    </>
  );
}
