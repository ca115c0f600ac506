// The Electron fuses in the packaging configuration (electron-builder.config.cjs): flipped in the
// binary before signing, so a packaged Briefcase cannot be run as plain Node, take NODE_OPTIONS or
// a debugger, or load app code from anywhere but its checked app.asar.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../../electron-builder.config.cjs') as {
  asar?: unknown;
  electronFuses?: Record<string, unknown>;
};

describe('Electron fuses', () => {
  it('switch off RunAsNode, NODE_OPTIONS and the --inspect arguments', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('encrypt cookies and grant file:// no extra privileges', () => {
    expect(config.electronFuses).toMatchObject({ enableCookieEncryption: true, grantFileProtocolExtraPrivileges: false });
  });

  it('load the app only from app.asar and validate its integrity', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({ onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true });
  });

  it('set every fuse explicitly, with no option electron-builder does not know', () => {
    // The names of electron-builder's FuseOptionsV1; a misspelt key would be silently ignored.
    const known = [
      'runAsNode',
      'enableCookieEncryption',
      'enableNodeOptionsEnvironmentVariable',
      'enableNodeCliInspectArguments',
      'enableEmbeddedAsarIntegrityValidation',
      'onlyLoadAppFromAsar',
      'loadBrowserProcessSpecificV8Snapshot',
      'grantFileProtocolExtraPrivileges',
      'resetAdHocDarwinSignature',
    ];
    const keys = Object.keys(config.electronFuses ?? {});
    expect(keys.filter((key) => !known.includes(key))).toEqual([]);
    expect(keys).toHaveLength(7);
    for (const value of Object.values(config.electronFuses ?? {})) expect(typeof value).toBe('boolean');
  });
});
