// Asks for the analyst's name, stamped on every box and audit record; asked once, changeable.
import { setAnalystName } from '../../state/caseSession';
import { useServices, useSession } from '../app/services';
import { TextPrompt } from '../common/Dialog';

export function AnalystNameDialog({ onDone, required }: { onDone(): void; required?: boolean }) {
  const services = useServices();
  const name = useSession((s) => s.analystName);
  return (
    <TextPrompt
      title={required ? 'Welcome: who is annotating?' : 'Analyst name'}
      label="Your name (stamped on every box you draw and every change you make)"
      initial={name}
      submitLabel="Save name"
      required={required}
      validate={(v) => (!v ? 'Please enter a name.' : v.length > 100 ? 'At most 100 characters.' : null)}
      onCancel={onDone}
      onSubmit={async (value) => {
        await setAnalystName(services, value);
        onDone();
      }}
    />
  );
}
