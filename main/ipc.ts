// Binds the one handler table to the one IPC channel. The sender is checked (our own top-level
// frame only); the input is validated by api.call against the contract; the answer is an envelope.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../preload/contract';
import type { Api } from './core/api';
import { BriefcaseError } from './core/errors';
import { isTrustedSender } from './security';

export function bindIpc(api: Api, devServerUrl: string | undefined): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted =
      frame !== null && isTrustedSender({ url: frame.url, isMainFrame: frame.parent === null }, devServerUrl);
    if (!trusted) return { ok: false, error: new BriefcaseError('FORBIDDEN').toApiError() };
    if (typeof method !== 'string') return { ok: false, error: new BriefcaseError('UNKNOWN_METHOD').toApiError() };
    return api.call(method, input);
  });
}
