// The audit log is a hash chain: hash = SHA-256(prevHash + canonical JSON of the record).
// Hashing is synchronous (noble) because it runs inside IndexedDB transactions, where an
// await on WebCrypto would let the transaction commit early.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson';
import type { AuditRecord } from './records';

export const GENESIS_HASH = '0'.repeat(64);

export type UnsignedAudit = Omit<AuditRecord, 'seq' | 'hash' | 'prevHash'>;

export function hashAudit(prevHash: string, record: UnsignedAudit): string {
  const { at, author, action, entity, entityId, caseId, before, after } = record;
  const body = canonicalJson({ at, author, action, entity, entityId, caseId, before, after, prevHash });
  return bytesToHex(sha256(utf8ToBytes(prevHash + body)));
}

export function chainAudit(prevHash: string, records: readonly UnsignedAudit[]): AuditRecord[] {
  let prev = prevHash;
  return records.map((r) => {
    const hash = hashAudit(prev, r);
    const chained = { ...r, prevHash: prev, hash };
    prev = hash;
    return chained;
  });
}

export type ChainCheck = { ok: true; head: string; count: number } | { ok: false; badSeq: number | undefined; reason: string };

/** Recomputes the chain in order and names the first record that does not verify. */
export function verifyAuditChain(records: readonly AuditRecord[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const r of records) {
    if (r.prevHash !== prev) return { ok: false, badSeq: r.seq, reason: `record ${r.seq} does not follow the one before it` };
    if (hashAudit(prev, r) !== r.hash) return { ok: false, badSeq: r.seq, reason: `record ${r.seq} was altered (its hash does not match)` };
    prev = r.hash;
  }
  return { ok: true, head: prev, count: records.length };
}
