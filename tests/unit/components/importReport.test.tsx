// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportReport } from '../../../src/features/library/ImportReport';
import { useImportStatus } from '../../../src/features/library/importStatus';
import type { ImageRecord } from '../../../src/model/records';

afterEach(() => {
  cleanup();
  useImportStatus.setState({ running: false, progress: null, outcomes: [], failure: null });
});

describe('ImportReport', () => {
  it('shows refusals in an alert and recognised duplicates in a status', () => {
    useImportStatus.setState({
      outcomes: [
        { kind: 'refused', fileName: 'a.png', message: 'a.png was not imported: the file is empty (0 bytes). Nothing was stored for it.' },
        { kind: 'duplicate', fileName: 'b.png', existing: { fileName: 'first.png' } as ImageRecord },
      ],
    });
    render(<ImportReport />);
    expect(screen.getByRole('alert').textContent).toBe('a.png was not imported: the file is empty (0 bytes). Nothing was stored for it.');
    expect(screen.getByRole('status').textContent).toContain('b.png is already in this case (same SHA-256 as “first.png”)');
  });

  it('shows progress while running and no alert when all went well', () => {
    render(<ImportReport />);
    act(() => useImportStatus.setState({ running: true, progress: { done: 1, total: 3, current: 'port.jpg' } }));
    expect(screen.getByRole('status').textContent).toContain('Importing 2 of 3: port.jpg');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
