import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { handle: vi.fn() } }));

import { PickedFiles, contentTypeFor, isInside, routeAppUrl } from '../../electron/protocol';

const ROOT = '/opt/app/dist/web';
const route = (url: string) => routeAppUrl(url, ROOT, path.posix);

describe('routeAppUrl', () => {
  it('maps the root and assets to files under the web folder', () => {
    expect(route('app://evidence/')).toEqual({ kind: 'file', path: '/opt/app/dist/web/index.html' });
    expect(route('app://evidence/index.html')).toEqual({ kind: 'file', path: '/opt/app/dist/web/index.html' });
    expect(route('app://evidence/assets/index-Ab12.js?v=1#x')).toEqual({ kind: 'file', path: '/opt/app/dist/web/assets/index-Ab12.js' });
    expect(route('app://evidence/assets/My%20Font.woff2')).toEqual({ kind: 'file', path: '/opt/app/dist/web/assets/My Font.woff2' });
  });

  it.each([
    ['dot-dot', 'app://evidence/../../etc/passwd'],
    ['dot-dot inside', 'app://evidence/assets/../../secret'],
    ['dot-dot that stays inside', 'app://evidence/assets/../index.html'],
    ['encoded dot-dot', 'app://evidence/%2e%2e/%2E%2E/etc/passwd'],
    ['encoded slash + dot-dot', 'app://evidence/assets%2f..%2f..%2fetc'],
    ['dot segment', 'app://evidence/./index.html'],
    ['backslash', 'app://evidence/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://evidence/..%5c..%5cetc%5cpasswd'],
    ['NUL', 'app://evidence/index.html%00.png'],
    ['control character', 'app://evidence/a%0ab'],
    ['absolute (double slash)', 'app://evidence//etc/passwd'],
    ['absolute (encoded slash)', 'app://evidence/%2fetc/passwd'],
    ['drive letter', 'app://evidence/C:/Windows/win.ini'],
    ['alternate data stream', 'app://evidence/index.html::$DATA'],
    ['windows device name', 'app://evidence/CON'],
    ['trailing slash', 'app://evidence/assets/'],
    ['malformed escape', 'app://evidence/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['host prefix trick', 'app://evidence.evil/index.html'],
    ['userinfo', 'app://user@evidence/index.html'],
    ['port', 'app://evidence:8080/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['https', 'https://evidence/index.html'],
    ['no path', 'app://evidence'],
  ])('refuses %s', (_name, url) => {
    expect(route(url).kind).toBe('refused');
  });

  it('applies the same rules with Windows paths', () => {
    const win = (url: string) => routeAppUrl(url, 'C:\\app\\dist\\web', path.win32);
    expect(win('app://evidence/assets/a.js')).toEqual({ kind: 'file', path: 'C:\\app\\dist\\web\\assets\\a.js' });
    expect(win('app://evidence/..%5c..%5cWindows').kind).toBe('refused');
    expect(win('app://evidence/D:%2fx').kind).toBe('refused');
    expect(win('app://evidence/%5c%5cserver%5cshare').kind).toBe('refused');
  });

  it('never yields a path outside the root, whatever the input', () => {
    const nasty = ['..', '%2e%2e', '%252e%252e', '.%2e', '%2e.', '...', 'a/..', '%c0%ae%c0%ae', '\u2025', '..%00', '..%2f'];
    for (const a of nasty) {
      for (const b of nasty) {
        const result = route(`app://evidence/${a}/${b}/etc/passwd`);
        if (result.kind === 'file') expect(result.path.startsWith(`${ROOT}/`), result.path).toBe(true);
      }
    }
    // A double-encoded ".." is a literal file name inside the root, not a step up.
    expect(route('app://evidence/%252e%252e/x')).toEqual({ kind: 'file', path: '/opt/app/dist/web/%2e%2e/x' });
  });

  it('recognises picked-file tokens only in the exact random-UUID form', () => {
    const token = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(route(`app://evidence/@picked/${token}`)).toEqual({ kind: 'picked', token });
    expect(route('app://evidence/@picked/../index.html').kind).toBe('refused');
    expect(route('app://evidence/@picked/%2Fetc%2Fpasswd').kind).toBe('refused');
    expect(route(`app://evidence/@picked/${token.toUpperCase()}`).kind).toBe('refused');
    expect(route(`app://evidence/@picked/${token}/x`).kind).toBe('refused');
  });
});

describe('isInside', () => {
  it('accepts only paths strictly below the root', () => {
    expect(isInside(ROOT, `${ROOT}/index.html`, path.posix)).toBe(true);
    expect(isInside(ROOT, `${ROOT}/assets/a/b.js`, path.posix)).toBe(true);
    expect(isInside(ROOT, 'assets/x.js', path.posix)).toBe(true);
    expect(isInside(ROOT, ROOT, path.posix)).toBe(false);
    expect(isInside(ROOT, `${ROOT}-old/index.html`, path.posix)).toBe(false);
    expect(isInside(ROOT, `${ROOT}/../secret`, path.posix)).toBe(false);
    expect(isInside(ROOT, '/etc/passwd', path.posix)).toBe(false);
    expect(isInside(`${ROOT}/`, `${ROOT}/index.html`, path.posix)).toBe(true);
  });

  it('handles Windows drives and separators', () => {
    const root = 'C:\\app\\dist\\web';
    expect(isInside(root, 'C:\\app\\dist\\web\\index.html', path.win32)).toBe(true);
    expect(isInside(root, 'C:\\app\\dist\\web-old\\index.html', path.win32)).toBe(false);
    expect(isInside(root, 'D:\\app\\dist\\web\\index.html', path.win32)).toBe(false);
    expect(isInside(root, '\\\\server\\share\\x', path.win32)).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['w.mjs', 'text/javascript; charset=utf-8'],
    ['s.css', 'text/css; charset=utf-8'],
    ['i.png', 'image/png'],
    ['i.svg', 'image/svg+xml'],
    ['d.json', 'application/json'],
    ['m.wasm', 'application/wasm'],
    ['a.js.map', 'application/json'],
    ['i.webp', 'image/webp'],
    ['i.JPG', 'image/jpeg'],
    ['f.ico', 'image/x-icon'],
    ['f.woff2', 'font/woff2'],
    ['x.unknown', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});

describe('PickedFiles', () => {
  it('gives unguessable tokens that work once', () => {
    const files = new PickedFiles();
    const a = files.register('/home/me/a.png');
    const b = files.register('/home/me/a.png');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(files.take(a)).toBe('/home/me/a.png');
    expect(files.take(a)).toBeNull();
    expect(files.take('3b241101-e2bb-4255-8caf-4136c566a962')).toBeNull();
  });

  it('forgets tokens that were never read once they expire', () => {
    let now = 1_000;
    const files = new PickedFiles(60_000, () => now);
    const token = files.register('/home/me/a.png');
    now += 59_999;
    files.register('/home/me/b.png');
    expect(files.size).toBe(2);
    now += 1;
    expect(files.take(token)).toBeNull();
    expect(files.size).toBe(1);
  });

  it('refuses relative paths', () => {
    expect(() => new PickedFiles().register('a.png')).toThrow(/absolute/);
  });
});
