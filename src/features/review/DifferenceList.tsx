// The differences between A and B on the image, most severe first; the current one is marked,
// and each shows the verdict recorded on it.
import type { ReviewDifference } from '../../model/review/differences';
import type { ReviewRecord } from '../../model/records';
import { verdictName, describeDifference, differenceKey } from './reviewWords';

interface Props {
  differences: readonly ReviewDifference[];
  verdicts: ReadonlyMap<string, ReviewRecord>;
  current: number;
  onChoose(index: number): void;
}

export function DifferenceList({ differences, verdicts, current, onChoose }: Props) {
  if (!differences.length) return <p className="muted">No differences: A and B agree on every box of this image.</p>;
  return (
    <ol className="difference-list" aria-label="Differences">
      {differences.map((d, i) => {
        const verdict = verdicts.get(differenceKey(d.aId, d.bId));
        return (
          <li key={differenceKey(d.aId, d.bId)}>
            <button className={i === current ? 'current' : undefined} aria-current={i === current ? 'true' : undefined} onClick={() => onChoose(i)}>
              {describeDifference(d)}
              {verdict && <span className="verdict-badge"> · {verdictName(verdict.verdict)}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
