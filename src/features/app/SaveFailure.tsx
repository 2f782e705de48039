// Tells the user when a change could not be saved; the history guarantees nothing half-written.
import { useHistoryState } from './services';

export function SaveFailure() {
  const { failure } = useHistoryState();
  return failure ? (
    <div role="alert" className="save-failure">
      {failure}
    </div>
  ) : null;
}
