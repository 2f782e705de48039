// Shown at start when the database is not the one the marker names (model/databaseMarker.ts):
// the analyst's cases are gone and must come back from bundles. Until it is answered the marker
// keeps naming the old database, so a reload shows this again rather than forgetting the loss.
import { lostDatabaseMessage, type DatabaseMarker } from '../../model/databaseMarker';
import { rememberDatabase } from '../../state/databaseGuard';
import { Dialog } from '../common/Dialog';
import { useServices } from './services';

export function LostDatabaseNotice({ marker, onDone }: { marker: DatabaseMarker; onDone(): void }) {
  const { db, platform } = useServices();
  const carryOn = async () => {
    await rememberDatabase(db, platform.marker);
    onDone();
  };
  return (
    <Dialog title="Your cases are not here" submitLabel="Continue with this database" required onSubmit={() => void carryOn()} onCancel={() => {}}>
      <p role="alert">{lostDatabaseMessage(marker)}</p>
    </Dialog>
  );
}
