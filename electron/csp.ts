// The app's one Content Security Policy: the single source of truth for the app:// header (this
// file, via protocol.ts) and for the <meta> tag of the web build (vite.config.ts may import it).
// Kept free of Electron imports so a build script can import it.

type Directives = Readonly<Record<string, readonly string[]>>;

// No remote origins anywhere: the app works offline and makes no network requests.
// style-src has no 'unsafe-inline': React and Konva set styles through the CSSOM
// (element.style.x = ...), which CSP does not govern. blob: is for object URLs of imported images
// and for workers; data: for small decoded thumbnails.
const DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
};

// Browsers ignore these in a <meta> policy and log a warning (CSP3 §3.3), so the meta form drops them.
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export type CspDelivery = 'header' | 'meta';

export function contentSecurityPolicy(delivery: CspDelivery = 'header'): string {
  return Object.entries(DIRECTIVES)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy sent as the Content-Security-Policy header on every app:// response. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('header');
