// The history of one case, box or claim, from the audit log: who changed what, and when (issue #7).
// A case's history holds what happened to the case itself: renames, label edits, imports, exports.
import { useLiveQuery } from 'dexie-react-hooks';
import { historyOf } from '../../db/audit';
import { changeSummary } from '../../model/changeSummary';
import type { Id } from '../../model/records';
import { useServices } from '../app/services';

export function RecordHistory({ entityId, name = 'History' }: { entityId: Id; name?: string }) {
  const { db } = useServices();
  const records = useLiveQuery(() => historyOf(db, entityId), [db, entityId]) ?? [];
  return (
    <details className="record-history">
      <summary>{name} ({records.length === 1 ? '1 change' : `${records.length} changes`})</summary>
      <ol aria-label={name}>
        {records.map((r) => (
          <li key={r.seq}>
            <time dateTime={r.at}>{r.at.slice(0, 16).replace('T', ' ')}</time> · {r.author} · {changeSummary(r)}
          </li>
        ))}
      </ol>
    </details>
  );
}
