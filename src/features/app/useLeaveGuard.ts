// Asks before the window closes or reloads while an import or export runs (state/unfinishedWork).
// Browsers show their own leave-page question; in Electron main turns it into a native dialog.
import { useEffect } from 'react';
import type { UnfinishedWork } from '../../state/unfinishedWork';

export function useLeaveGuard(work: UnfinishedWork): void {
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (work.count === 0) return;
      event.preventDefault();
      // Older Chromium (and so some Electron versions) asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [work]);
}
