// Appending to and checking the hash-chained audit log. Appends must run inside the caller's
// rw transaction (which includes db.audit) so the change and its record commit together.
import { GENESIS_HASH, chainAudit, verifyAuditChain, type ChainCheck, type UnsignedAudit } from '../model/auditChain';
import type { EvidenceDatabase } from './database';

export async function appendAudit(db: EvidenceDatabase, entries: readonly UnsignedAudit[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await db.audit.orderBy('seq').last();
  await db.audit.bulkAdd(chainAudit(last?.hash ?? GENESIS_HASH, entries));
}

export async function verifyAudit(db: EvidenceDatabase): Promise<ChainCheck> {
  return verifyAuditChain(await db.audit.orderBy('seq').toArray());
}
