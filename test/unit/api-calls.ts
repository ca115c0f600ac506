// Calling the core through its one entry point (api.call, as the renderer and the CLI do) in a
// test: a value, or a failed test; an expected error, or a failed test; a stored file read back.
import { expect } from 'vitest';
import type { Api } from '../../main/core/api';
import type { ApiError } from '../../preload/contract';

export interface ApiCalls {
  /** Calls a method and returns its value, failing the test on an error envelope. */
  ok: <T = unknown>(method: string, input: unknown) => Promise<T>;
  /** Calls a method that must fail and returns its error. */
  failure: (method: string, input: unknown) => Promise<ApiError>;
}

export function apiCalls(api: Pick<Api, 'call'>): ApiCalls {
  return {
    ok: async <T,>(method: string, input: unknown): Promise<T> => {
      const envelope = await api.call(method, input);
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as T;
    },
    failure: async (method: string, input: unknown) => {
      const envelope = await api.call(method, input);
      if (envelope.ok) throw new Error(`${method} succeeded, expected an error`);
      return envelope.error;
    },
  };
}

/** A stored file (attachments.read, documents.read) read back chunk by chunk into one buffer. */
export async function readAllChunks(ok: ApiCalls['ok'], method: 'attachments.read' | 'documents.read', id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let index = 0; ; index += 1) {
    const { data, last } = await ok<{ data: string; last: boolean }>(method, { id, index });
    parts.push(Buffer.from(data, 'base64'));
    // A `last` that never comes would otherwise loop for ever.
    expect(parts.length).toBeLessThan(10_000);
    if (last) return Buffer.concat(parts);
  }
}
