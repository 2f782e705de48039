// A fresh database per test, and a command context around it.
import { EvidenceDatabase } from '../../../src/db/database';
import type { CommandContext } from '../../../src/state/annotationCommands';
import { History } from '../../../src/state/history';

export function freshDatabase(): EvidenceDatabase {
  return new EvidenceDatabase(`test-${crypto.randomUUID()}`);
}

export function commandContext(db = freshDatabase(), author = 'ana'): CommandContext {
  return { db, author: () => author, history: new History(db, () => author) };
}
