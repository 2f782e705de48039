// Opens "Link to claim" for the selected boxes (button or L) and saves the links as one step.
import { linkBoxes } from '../../state/claimCommands';
import { useServices, useSession } from '../app/services';
import { LinkDialog } from './LinkDialog';
import type { CaseClaims } from './useCaseClaims';

export function LinkFlow({ claims }: { claims: CaseClaims }) {
  const services = useServices();
  const linking = useSession((s) => s.linking);
  const selectedIds = useSession((s) => s.selectedIds);
  const claimId = useSession((s) => s.claimId);
  if (!linking || selectedIds.length === 0) return null;
  const close = () => services.session.getState().setLinking(false);
  return (
    <LinkDialog
      claims={claims.claims}
      boxCount={selectedIds.length}
      initialClaimId={claimId}
      onCancel={close}
      onLink={(id, relation, note) => {
        close();
        void linkBoxes(services, selectedIds, id, relation, note);
        services.session.getState().selectClaim(id);
      }}
    />
  );
}
