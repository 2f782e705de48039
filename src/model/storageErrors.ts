// Why a write to the browser's storage failed, in words a person can act on. Dexie wraps the
// browser's error (an AbortError may carry the QuotaExceededError inside), so look at both.
import { messageOf } from './errorMessage';

export function storageFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Error && 'inner' in error && error.inner instanceof Error ? error.inner.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'the disk space this app may use is full';
  if (name === 'NotReadableError' || name === 'NotFoundError') return 'the file could not be read (it was moved or is not accessible)';
  return messageOf(error);
}
