// The reviewer's verdict on the current difference: accept A, accept B, both wrong or needs
// discussion, with a comment. Saved as one undoable, audited change.
import { useState } from 'react';
import type { ReviewDifference } from '../../model/review/differences';
import { VERDICTS, type ReviewRecord, type Verdict } from '../../model/records';
import { verdictName, describeDifference } from './reviewWords';

interface Props {
  difference: ReviewDifference;
  recorded: ReviewRecord | undefined;
  onSave(verdict: Verdict, comment: string): void;
}

/** Keyed by the difference (and its stored verdict), so a new difference starts a fresh draft. */
export function VerdictForm({ difference, recorded, onSave }: Props) {
  const [verdict, setVerdict] = useState<Verdict | null>(recorded?.verdict ?? null);
  const [comment, setComment] = useState(recorded?.comment ?? '');
  return (
    <form
      className="verdict-form"
      aria-label="Verdict"
      onSubmit={(e) => {
        e.preventDefault();
        if (verdict) onSave(verdict, comment.trim());
      }}
    >
      <p>{describeDifference(difference)}</p>
      <fieldset className="relation">
        <legend>Verdict</legend>
        {VERDICTS.map((v) => (
          <label key={v}>
            <input type="radio" name="verdict" checked={verdict === v} onChange={() => setVerdict(v)} /> {verdictName(v)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Comment
        <textarea aria-label="Comment" rows={2} value={comment} maxLength={10_000} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" disabled={!verdict}>
        Save verdict
      </button>
      {recorded && (
        <span className="muted small">
          {' '}
          Recorded by {recorded.reviewer}, {recorded.updatedAt.slice(0, 16).replace('T', ' ')}
        </span>
      )}
    </form>
  );
}
