// What the one IPC channel does with a call, kept free of Electron imports so it is unit-tested:
// refuse any sender but the app's own top-level frame, then hand the call to the handler table
// (which validates the input against the contract and answers with an envelope). Methods that
// take file-system paths are refused here: see mainOnlyMethods in the contract.
import { isMainOnly, type Envelope } from '../preload/contract';
import type { Api } from './core/api';
import { BriefcaseError } from './core/errors';
import { isTrustedSender } from './security';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export function createIpcHandler(api: Pick<Api, 'call'>, devServerUrl: string | undefined) {
  return (event: InvokeEvent, method: unknown, input: unknown): Promise<Envelope<unknown>> | Envelope<unknown> => {
    const frame = event.senderFrame;
    const trusted = frame !== null && isTrustedSender({ url: frame.url, isMainFrame: frame.parent === null }, devServerUrl);
    if (!trusted) return { ok: false, error: new BriefcaseError('FORBIDDEN').toApiError() };
    return callFromRenderer(api, method, input);
  };
}

/** A call from a renderer, once its frame is trusted; the test harness uses it too. */
export function callFromRenderer(
  api: Pick<Api, 'call'>,
  method: unknown,
  input: unknown,
): Promise<Envelope<unknown>> | Envelope<unknown> {
  if (typeof method !== 'string') return { ok: false, error: new BriefcaseError('UNKNOWN_METHOD').toApiError() };
  if (isMainOnly(method)) return { ok: false, error: new BriefcaseError('FORBIDDEN').toApiError() };
  return api.call(method, input);
}
