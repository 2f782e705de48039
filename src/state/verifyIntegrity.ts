// "Verify integrity" (issue #7): every stored original hashed again against the SHA-256 recorded
// at import, and every case's audit chain checked; each problem named by file and case.
import { verifyAudit } from '../db/audit';
import type { EvidenceDatabase } from '../db/database';
import { imageBytes } from '../db/images';
import type { ImageRecord } from '../model/records';
import { sha256Hex } from './importImages';

export interface IntegrityReport {
  /** Distinct originals hashed (a file held by two cases is stored and hashed once). */
  originals: number;
  auditRecords: number;
  problems: string[];
}

export async function verifyIntegrity(db: EvidenceDatabase, onProgress: (done: number, total: number) => void = () => {}): Promise<IntegrityReport> {
  const caseNames = new Map((await db.cases.toArray()).map((c) => [c.id, c.name]));
  const bySha = new Map<string, ImageRecord[]>();
  // In the order a person reads them: by file name.
  const images = (await db.images.toArray()).sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  for (const image of images) {
    const holders = bySha.get(image.sha256);
    if (holders) holders.push(image);
    else bySha.set(image.sha256, [image]);
  }
  const problems: string[] = [];
  let done = 0;
  for (const [sha256, holders] of bySha) {
    const names = holders.map((i) => `${i.fileName} (case "${caseNames.get(i.caseId) ?? i.caseId}")`).join(', ');
    const bytes = await imageBytes(db, sha256);
    if (!bytes) problems.push(`${names}: its original is missing from storage.`);
    else {
      const actual = await sha256Hex(await bytes.arrayBuffer());
      if (actual !== sha256) problems.push(`${names}: the stored original no longer matches the SHA-256 recorded at import (${sha256.slice(0, 12)}…, now ${actual.slice(0, 12)}…).`);
    }
    onProgress((done += 1), bySha.size);
  }
  const audit = await verifyAudit(db);
  if (!audit.ok) problems.push(`The audit log does not verify: ${audit.reason}.`);
  return { originals: bySha.size, auditRecords: audit.ok ? audit.count : 0, problems };
}

/** The report in one sentence, then its problems. */
export function describeIntegrity(report: IntegrityReport): string {
  if (report.problems.length === 0) {
    const originals = report.originals === 1 ? 'the 1 stored original matches its SHA-256' : `all ${report.originals} stored originals match their SHA-256`;
    return `Integrity verified: ${originals}, and the audit log's ${report.auditRecords} records verify.`;
  }
  const count = report.problems.length === 1 ? '1 problem' : `${report.problems.length} problems`;
  return `Integrity check found ${count}: ${report.problems.join(' ')}`;
}
