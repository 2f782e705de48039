// Electron's fuses are bits in the Electron binary that electron-builder flips at package time
// (electronFuses in electron-builder.yml). Packaging needs the Electron binary, which tests do not
// have, so this reads the configuration exactly as electron-builder does and validates it against
// electron-builder's own schema, which refuses a fuse name it does not know.
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
// On a copy: electron-builder normalises the object it validates.
const validate = (config: Configuration) => validateConfiguration(structuredClone(config), new DebugLogger(false));

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(PROJECT, null, null);
});

describe('electron-builder configuration', () => {
  it('is valid for electron-builder', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('sets every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar', () => {
    // onlyLoadAppFromAsar and asar integrity validation mean nothing without one.
    expect(config.asar).toBe(true);
  });

  it('would refuse a misspelled fuse, so the names above are the ones electron-builder flips', async () => {
    const misspelled = { ...config, electronFuses: { ...config.electronFuses, runAsNodeFuse: false } } as Configuration;
    await expect(validate(misspelled)).rejects.toThrow(/electronFuses/);
  });
});
