// window.briefcaseEvents as the preload (and the harness) builds it: a flush request runs the
// renderer's handler and its answer goes back with the request's id; no handler means nothing is
// pending; a handler that fails answers "not all saved"; malformed requests are ignored.
import { describe, expect, it } from 'vitest';
import type { FlushDone } from '../../../preload/contract';
import { buildEvents } from '../../../preload/events';

function wire() {
  let deliver: (request: unknown) => void = () => undefined;
  const replies: FlushDone[] = [];
  const events = buildEvents(
    (listener) => {
      deliver = listener;
    },
    (done) => replies.push(done),
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { events, replies, request: (payload: unknown) => deliver(payload), settle };
}

describe('flush events', () => {
  it('answers with the handler’s result and the request id', async () => {
    const w = wire();
    w.events.onFlushRequest(async () => true);
    w.request({ requestId: 3 });
    await w.settle();
    const off = w.events.onFlushRequest(async () => false);
    w.request({ requestId: 4 });
    await w.settle();
    expect(w.replies).toEqual([
      { requestId: 3, allSaved: true },
      { requestId: 4, allSaved: false },
    ]);
    off();
    w.request({ requestId: 5 });
    await w.settle();
    expect(w.replies.at(-1)).toEqual({ requestId: 5, allSaved: true });
  });

  it('a handler that throws or rejects answers "not all saved"', async () => {
    const w = wire();
    w.events.onFlushRequest(() => {
      throw new Error('x');
    });
    w.request({ requestId: 1 });
    w.events.onFlushRequest(() => Promise.reject(new Error('y')));
    w.request({ requestId: 2 });
    await w.settle();
    expect(w.replies).toEqual([
      { requestId: 1, allSaved: false },
      { requestId: 2, allSaved: false },
    ]);
  });

  it('ignores malformed requests', async () => {
    const w = wire();
    for (const payload of [null, undefined, {}, { requestId: '1' }, { requestId: 0 }, { requestId: 1.5 }, 7]) w.request(payload);
    await w.settle();
    expect(w.replies).toEqual([]);
  });
});
