// How a finished operation went: a quiet status when it worked, an alert when it did not.
export function Outcome({ state }: { state: { kind: string; message?: string } }) {
  if (state.kind === 'done') {
    return (
      <span role="status" className="muted small">
        {state.message}
      </span>
    );
  }
  if (state.kind === 'failed') {
    return (
      <span role="alert" className="error small">
        {state.message}
      </span>
    );
  }
  return null;
}
