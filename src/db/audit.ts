// Appending to and checking the hash-chained audit log. Each case has its own chain, so a case's
// bundle carries a chain that verifies on its own. Appends must run inside the caller's rw
// transaction (which includes db.audit) so the change and its record commit together.
import { Dexie } from 'dexie';
import { GENESIS_HASH, chainAudit, verifyAuditChain, type ChainCheck, type UnsignedAudit } from '../model/auditChain';
import type { AuditRecord, Id } from '../model/records';
import type { EvidenceDatabase } from './database';

export async function appendAudit(db: EvidenceDatabase, entries: readonly UnsignedAudit[]): Promise<void> {
  const heads = new Map<Id, string>();
  const chained: AuditRecord[] = [];
  for (const entry of entries) {
    let head = heads.get(entry.caseId);
    head ??= (await lastOfCase(db, entry.caseId))?.hash ?? GENESIS_HASH;
    const [record] = chainAudit(head, [entry]);
    heads.set(entry.caseId, record!.hash);
    chained.push(record!);
  }
  await db.audit.bulkAdd(chained);
}

/** The head of a case's chain, read from the [caseId+seq] index in one step. */
function lastOfCase(db: EvidenceDatabase, caseId: Id): Promise<AuditRecord | undefined> {
  return db.audit.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
}

export function auditOfCase(db: EvidenceDatabase, caseId: Id): Promise<AuditRecord[]> {
  return db.audit.where('caseId').equals(caseId).sortBy('seq');
}

/** Every audit record of one box, claim or other record, oldest first: its history. */
export function historyOf(db: EvidenceDatabase, entityId: Id): Promise<AuditRecord[]> {
  return db.audit.where('entityId').equals(entityId).sortBy('seq');
}

/** Verifies every case's chain; names the first record that does not verify. */
export async function verifyAudit(db: EvidenceDatabase): Promise<ChainCheck> {
  const all = await db.audit.orderBy('seq').toArray();
  let count = 0;
  for (const caseId of new Set(all.map((r) => r.caseId))) {
    const check = verifyAuditChain(all.filter((r) => r.caseId === caseId));
    if (!check.ok) return check;
    count += check.count;
  }
  return { ok: true, head: all.at(-1)?.hash ?? GENESIS_HASH, count };
}
