import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainAudit, verifyAuditChain, type UnsignedAudit } from '../../../src/model/auditChain';
import { canonicalJson } from '../../../src/model/canonicalJson';

const entry = (n: number): UnsignedAudit => ({
  at: `2026-01-0${n}T00:00:00.000Z`,
  author: 'ana',
  action: 'create',
  entity: 'annotations',
  entityId: `box-${n}`,
  caseId: 'case-1',
  before: null,
  after: { label: 'ship', n },
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit chain', () => {
  const chain = chainAudit(GENESIS_HASH, [entry(1), entry(2), entry(3)]).map((r, i) => ({ ...r, seq: i + 1 }));

  it('links each record to the one before', () => {
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, head: chain[2]!.hash, count: 3 });
  });

  it('names the first altered record', () => {
    const tampered = chain.map((r) => (r.seq === 2 ? { ...r, after: { label: 'container', n: 2 } } : r));
    expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, badSeq: 2, reason: expect.stringContaining('altered') });
  });

  it('names a record whose predecessor was removed', () => {
    expect(verifyAuditChain([chain[0]!, chain[2]!])).toMatchObject({ ok: false, badSeq: 3 });
  });
});
