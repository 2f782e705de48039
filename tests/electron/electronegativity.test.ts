// Doyensec's electronegativity scanner over what the app ships (main process, preload, renderer,
// the page and package.json). Any finding not reviewed below fails the suite. docs/security.md
// maps the checks to Electron's security checklist.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/csp';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}
interface ScanResult {
  errors: { file: string; message: string }[];
  issues: Finding[];
}
type Scan = (options: { input: string; isRelative: boolean; excludeFromScan: string[] }) => Promise<ScanResult>;

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const nodeRequire = createRequire(import.meta.url);
const scannerPath = nodeRequire.resolve('@doyensec/electronegativity');

// The scanner fetches fresh translations and Electron's release list over the network. The suite
// stays offline and repeatable: its HTTP client fails at once, and it uses its bundled texts.
const gotPath = createRequire(scannerPath).resolve('got');
const offlineGot = new Module(gotPath);
offlineGot.exports = () => Promise.reject(new Error('the test suite is offline'));
offlineGot.loaded = true;
nodeRequire.cache[gotPath] = offlineGot;
const runScanner = nodeRequire(scannerPath) as Scan;

/** Checks left out, by class name. */
const EXCLUDED_CHECKS = [
  // Judges the Electron version against a release list it downloads (or finds left in the temp
  // folder), so its verdict would depend on the network and the day. docs/security.md, item 16.
  'AvailableSecurityFixesGlobalCheck',
  // Only reports the Electron version, as input for the check above.
  'ElectronVersionJSONCheck',
];

/**
 * Findings a person has reviewed and accepted, each pinned to one check, one file and one
 * confidence; anything else fails. docs/security.md gives the same reasons.
 */
const REVIEWED: readonly { id: string; file: string; confidence: string }[] = [
  // Asks for a review of every preload. Ours exposes one object through contextBridge, never
  // ipcRenderer or an IPC event (preload.test.ts).
  { id: 'PRELOAD_JS_CHECK', file: 'electron/window.ts', confidence: 'FIRM' },
  // FIRM is the CSP evaluator's "maybe weak" (no policy, or a certainly weak one, is reported
  // otherwise): script-src 'self' is risky where the origin also hosts user files. app://evidence
  // serves picked files only under single-use random tokens, as application/octet-stream with
  // nosniff, which Chromium refuses to run as script (protocol-handler.test.ts); csp.test.ts pins
  // every directive.
  { id: 'CSP_GLOBAL_CHECK', file: 'index.html', confidence: 'FIRM' },
];

const isReviewed = (finding: Finding) =>
  REVIEWED.some(({ id, file, confidence }) => finding.id === id && finding.file === file && finding.confidence.name === confidence);

const scan = (input: string) => runScanner({ input, isRelative: true, excludeFromScan: EXCLUDED_CHECKS });

const scratch: string[] = [];
const scratchDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  scratch.push(dir);
  return dir;
};
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A copy of what ships, because the scanner takes one folder and would otherwise walk
 * node_modules. The page is written as the build writes it (vite.config.ts puts the policy in
 * place of %APP_CSP%), so the CSP checks judge the real policy.
 */
function stageShippedSources(): string {
  const dir = scratchDir();
  for (const folder of ['electron', 'src']) cpSync(path.join(PROJECT, folder), path.join(dir, folder), { recursive: true });
  cpSync(path.join(PROJECT, 'package.json'), path.join(dir, 'package.json'));
  const page = readFileSync(path.join(PROJECT, 'index.html'), 'utf8');
  expect(page).toContain('%APP_CSP%');
  writeFileSync(path.join(dir, 'index.html'), page.replace('%APP_CSP%', contentSecurityPolicy('meta')));
  return dir;
}

const describeFinding = ({ id, file, location, severity, confidence, description }: Finding) =>
  `${id} at ${file}:${location.line}:${location.column} (${severity.name}, ${confidence.name}): ${description}`;

// Written with TypeScript-only syntax, to prove the scanner parses .ts files rather than skipping them.
const PLANTED_MAIN = `
import { BrowserWindow, shell } from 'electron';
type Url = string;
export function open(url: Url): BrowserWindow {
  const win = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false,
      allowRunningInsecureContent: true, experimentalFeatures: true, enableBlinkFeatures: 'CSSVariables' },
  });
  void shell.openExternal(url as Url);
  return win;
}
`;

describe('electronegativity', () => {
  it('finds nothing unreviewed in the main process, preload, renderer, page and package.json', async () => {
    const { errors, issues } = await scan(stageShippedSources());
    // The scanner skips a file it cannot parse, so a parse error fails the test too.
    expect(errors.map(({ file, message }) => `${file}: ${message}`)).toEqual([]);
    expect(issues.filter((finding) => !isReviewed(finding)).map(describeFinding)).toEqual([]);
    // A reviewed entry that no longer matches anything is stale: delete it (and its line in docs/security.md).
    const stale = REVIEWED.filter((entry) => !issues.some((finding) => finding.id === entry.id && finding.file === entry.file));
    expect(stale.map(({ id, file }) => `${id} at ${file}`)).toEqual([]);
  }, 20_000);

  it('still catches the anti-patterns it is trusted with (planted in a scratch folder)', async () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'main.ts'), PLANTED_MAIN);
    // For the Electron version, which some checks depend on.
    cpSync(path.join(PROJECT, 'package.json'), path.join(dir, 'package.json'));
    const { errors, issues } = await scan(dir);
    expect(errors).toEqual([]);
    expect(new Set(issues.map((issue) => issue.id))).toEqual(
      new Set([
        'NODE_INTEGRATION_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'INSECURE_CONTENT_JS_CHECK',
        'EXPERIMENTAL_FEATURES_JS_CHECK',
        'BLINK_FEATURES_JS_CHECK',
        'AUXCLICK_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    );
  }, 20_000);
});
