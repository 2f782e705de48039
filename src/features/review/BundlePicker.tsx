// "Compare with a bundle…": reads a bundle file (checked in full, as an import would check it)
// to compare its boxes with the case's, without writing anything. Its images are matched to the
// case's by SHA-256.
import { useState } from 'react';
import { bundleImageMatch } from '../../model/review/comparisonSources';
import type { ImageRecord } from '../../model/records';
import { chooseFiles } from '../../platform/fileChooser';
import { checkBundleFile } from '../../state/importBundle';
import type { ComparedBundle } from './useComparison';

interface Props {
  bundle: ComparedBundle | null;
  caseImages: readonly ImageRecord[];
  onBundle(bundle: ComparedBundle | null): void;
}

export function BundlePicker({ bundle, caseImages, onBundle }: Props) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'reading'; fileName: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const choose = async () => {
    const [file] = await chooseFiles('.zip,application/zip', false);
    if (!file) return;
    setState({ kind: 'reading', fileName: file.name });
    const checked = await checkBundleFile(file);
    if (!checked.ok) return setState({ kind: 'failed', message: checked.message });
    setState({ kind: 'idle' });
    onBundle({ fileName: file.name, snapshot: checked.bundle.caseJson });
  };

  const match = bundle && bundleImageMatch(caseImages, bundle.snapshot);
  return (
    <div className="bundle-picker">
      <button onClick={() => void choose()} disabled={state.kind === 'reading'}>
        Compare with a bundle…
      </button>
      {state.kind === 'reading' && <span className="muted small"> Checking {state.fileName}…</span>}
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {bundle && match && (
        <span className="small">
          {' '}
          {bundle.fileName}: {match.shared} of its images {match.shared === 1 ? 'is' : 'are'} in this case (by SHA-256)
          {match.elsewhere ? `, ${match.elsewhere} not` : ''}. Nothing from it is saved.{' '}
          <button className="link" onClick={() => onBundle(null)}>
            Close bundle
          </button>
        </span>
      )}
    </div>
  );
}
