import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../electron/csp';

/** Parses "a x y; b z" into { a: ['x','y'], b: ['z'] }, refusing duplicate directives. */
function parse(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    if (!name || name in out) throw new Error(`bad or duplicate directive: ${part}`);
    out[name] = sources;
  }
  return out;
}

describe('content security policy', () => {
  const csp = parse(CONTENT_SECURITY_POLICY);

  it('names no remote origin, wildcard or websocket anywhere', () => {
    for (const [name, sources] of Object.entries(csp)) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?:|wss?:|ftp:)|\*/);
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|blob:|data:)$/);
      }
    }
  });

  it('allows scripts only from the app itself', () => {
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'strict-dynamic'");
  });

  it('locks down plugins, base, forms and framing', () => {
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['form-action']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['frame-src']).toEqual(["'none'"]);
  });

  it('lets images, workers and fetch use blob: URLs the renderer creates', () => {
    expect(csp['img-src']).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
    expect(csp['connect-src']).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp['style-src']).toEqual(["'self'"]);
  });

  it('drops only the header-only directives from the <meta> form', () => {
    const meta = parse(contentSecurityPolicy('meta'));
    expect(meta['frame-ancestors']).toBeUndefined();
    const { 'frame-ancestors': _dropped, ...rest } = csp;
    expect(meta).toEqual(rest);
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
  });
});
