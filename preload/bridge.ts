// Turns the flat list of method names ('vault.unlock', …) into the nested object the renderer
// calls (window.briefcase.vault.unlock(input)). Shared by the Electron preload and the test
// harness, so both inject exactly the same shape.
import type { BriefcaseApi, Envelope } from './contract';

export function buildBridge(
  methods: readonly string[],
  send: (method: string, input: unknown) => Promise<Envelope<unknown>>,
): BriefcaseApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const method of methods) {
    const [group, name] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (input?: unknown) => send(method, input ?? {});
  }
  return api as unknown as BriefcaseApi;
}
