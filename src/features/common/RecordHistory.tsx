// The history of one box or claim, from the audit log: who changed what, and when (issue #7).
import { useLiveQuery } from 'dexie-react-hooks';
import { historyOf } from '../../db/audit';
import { changeSummary } from '../../model/changeSummary';
import type { Id } from '../../model/records';
import { useServices } from '../app/services';

export function RecordHistory({ entityId }: { entityId: Id }) {
  const { db } = useServices();
  const records = useLiveQuery(() => historyOf(db, entityId), [db, entityId]) ?? [];
  return (
    <details className="record-history">
      <summary>History ({records.length === 1 ? '1 change' : `${records.length} changes`})</summary>
      <ol aria-label="History">
        {records.map((r) => (
          <li key={r.seq}>
            <time dateTime={r.at}>{r.at.slice(0, 16).replace('T', ' ')}</time> · {r.author} · {changeSummary(r)}
          </li>
        ))}
      </ol>
    </details>
  );
}
