// The IPC channel's gate, with the real handler table behind it.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { createIpcHandler } from '../../../main/ipc-handler';
import { FAST_KDF, tempDir } from '../helpers';

const appFrame = { senderFrame: { url: 'app://briefcase/index.html', parent: null } };

describe('IPC handler', () => {
  const api = createApi({ dataDir: tempDir(), version: '0', kdfCost: FAST_KDF });
  const handle = createIpcHandler(api, undefined);

  it("passes the app's own frame through to the handler table", async () => {
    expect(await handle(appFrame, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('refuses subframes, other origins and frames that are gone', async () => {
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', key: 'errors.FORBIDDEN' } };
    expect(await handle({ senderFrame: { url: 'app://briefcase/index.html', parent: {} } }, 'vault.status', {})).toEqual(forbidden);
    expect(await handle({ senderFrame: { url: 'https://example.org/', parent: null } }, 'vault.status', {})).toEqual(forbidden);
    expect(await handle({ senderFrame: null }, 'vault.status', {})).toEqual(forbidden);
  });

  it('refuses the methods that take file-system paths', async () => {
    for (const method of ['attachments.addFromPath', 'attachments.saveCopy']) {
      expect(await handle(appFrame, method, { id: '00000000-0000-4000-8000-000000000000', path: '/home/x/.bashrc' })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', key: 'errors.FORBIDDEN' },
      });
    }
  });

  it('validates what the renderer sends', async () => {
    expect(await handle(appFrame, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await handle(appFrame, 'cases.get', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'id', message: 'validation.invalidId' }] },
    });
    expect(await handle(appFrame, 'vault.unlock', { passphrase: 'x', stack: 'injected' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
