// Whether the browser granted persistent storage (platform/persistentStorage.ts), in the header,
// and whether the marker that notices a lost database (model/databaseMarker.ts) could be kept.
import type { StorageDurability } from '../../platform/persistentStorage';

const WORDS: Record<StorageDurability, { text: string; title: string }> = {
  persistent: { text: 'Storage: persistent', title: 'The browser keeps this app’s data even when the disk runs low.' },
  'best-effort': {
    text: 'Storage: may be cleared',
    title: 'The browser did not grant persistent storage: when the disk runs low it may clear this app’s data. Export bundles of your cases regularly.',
  },
  unknown: { text: 'Storage: unknown', title: 'This browser does not say whether it keeps this app’s data. Export bundles of your cases regularly.' },
};

export function StorageState({ durability, markerProblem }: { durability: StorageDurability; markerProblem: string | null }) {
  const { text, title } = WORDS[durability];
  const unmarked = markerProblem ? ` The note that would notice a lost database could not be kept (${markerProblem}).` : '';
  return (
    <span role="status" aria-label="Storage" className={`storage-state ${durability}`} title={title + unmarked}>
      {text}
      {markerProblem && ' · loss check off'}
    </span>
  );
}
