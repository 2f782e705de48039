// Asks for the analyst's name, stamped on every box and audit record; asked once, changeable.
import { setSetting, SETTING } from '../../db/settings';
import { useServices, useSession } from '../app/services';
import { TextPrompt } from '../common/Dialog';

export function AnalystNameDialog({ onDone, required }: { onDone(): void; required?: boolean }) {
  const { db, session } = useServices();
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
        await setSetting(db, SETTING.analystName, value);
        session.getState().setAnalystName(value);
        onDone();
      }}
    />
  );
}
