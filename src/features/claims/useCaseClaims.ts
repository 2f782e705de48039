// The open case's claims and links, read live, with the lookups every claims view needs.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { linksOfCase, listClaims } from '../../db/claims';
import type { ClaimRecord, Id, LinkRecord } from '../../model/records';
import { useServices, useSession } from '../app/services';

const NO_CLAIMS: ClaimRecord[] = [];
const NO_LINKS: LinkRecord[] = [];

export interface CaseClaims {
  claims: readonly ClaimRecord[];
  links: readonly LinkRecord[];
  claimById: ReadonlyMap<Id, ClaimRecord>;
  linksByClaim: ReadonlyMap<Id, LinkRecord[]>;
  linksByBox: ReadonlyMap<Id, LinkRecord[]>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => Id): Map<Id, T[]> {
  const m = new Map<Id, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  }
  return m;
}

export function useCaseClaims(): CaseClaims {
  const { db } = useServices();
  const caseId = useSession((s) => s.caseId);
  const claims = useLiveQuery(async () => (caseId ? listClaims(db, caseId) : NO_CLAIMS), [db, caseId]) ?? NO_CLAIMS;
  const links = useLiveQuery(async () => (caseId ? linksOfCase(db, caseId) : NO_LINKS), [db, caseId]) ?? NO_LINKS;
  return useMemo(() => {
    // Live queries keep the previous case's rows until the new ones arrive: never mix cases.
    const mine = claims.filter((c) => c.caseId === caseId);
    const myLinks = links.filter((l) => l.caseId === caseId);
    return {
      claims: mine,
      links: myLinks,
      claimById: new Map(mine.map((c) => [c.id, c])),
      linksByClaim: groupBy(myLinks, (l) => l.claimId),
      linksByBox: groupBy(myLinks, (l) => l.annotationId),
    };
  }, [claims, links, caseId]);
}
