// Closing the window (main/close-guard.ts), without Electron: the first close is held until the
// renderer has saved, a failed save asks the person, a renderer that does not answer cannot block
// quitting, and only the answer to the current request counts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDialogTexts, createCloseGuard, FLUSH_TIMEOUT_MS, type CloseGuardDeps } from '../../../main/close-guard';

function harness(overrides: Partial<CloseGuardDeps> = {}) {
  const requests: number[] = [];
  const deps = {
    rendererAlive: vi.fn(() => true),
    requestFlush: vi.fn((id: number) => void requests.push(id)),
    confirmCloseAnyway: vi.fn<() => Promise<boolean>>(async () => false),
    close: vi.fn(),
    onTimeout: vi.fn(),
    ...overrides,
  };
  const guard = createCloseGuard(deps);
  const closeEvent = () => {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    guard.onClose(event);
    return event;
  };
  return { guard, deps, requests, closeEvent };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('close guard', () => {
  it('holds the first close, asks for a flush, and closes once everything is saved', async () => {
    const { guard, deps, requests, closeEvent } = harness();
    expect(closeEvent().prevented).toBe(true);
    expect(requests).toEqual([1]);
    expect(deps.close).not.toHaveBeenCalled();
    guard.onFlushDone({ requestId: 1, allSaved: true });
    expect(await guard.pending).toBe('closed');
    expect(deps.close).toHaveBeenCalledTimes(1);
    expect(deps.confirmCloseAnyway).not.toHaveBeenCalled();
    // The close the guard started comes back through it and is let through.
    expect(closeEvent().prevented).toBe(false);
  });

  it('asks when something could not be saved; "Stay" keeps the window and the next close asks again', async () => {
    const { guard, deps, requests, closeEvent } = harness();
    closeEvent();
    guard.onFlushDone({ requestId: 1, allSaved: false });
    expect(await guard.pending).toBe('stayed');
    expect(deps.confirmCloseAnyway).toHaveBeenCalledTimes(1);
    expect(deps.close).not.toHaveBeenCalled();

    expect(closeEvent().prevented).toBe(true);
    expect(requests).toEqual([1, 2]);
    vi.mocked(deps.confirmCloseAnyway).mockResolvedValueOnce(true);
    guard.onFlushDone({ requestId: 2, allSaved: false });
    expect(await guard.pending).toBe('closed');
    expect(deps.close).toHaveBeenCalledTimes(1);
  });

  it('closes after the timeout when the renderer does not answer', async () => {
    const { guard, deps, closeEvent } = harness();
    closeEvent();
    const outcome = guard.pending;
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
    expect(deps.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('closed');
    expect(deps.close).toHaveBeenCalledTimes(1);
    expect(deps.onTimeout).toHaveBeenCalledTimes(1);
    expect(deps.confirmCloseAnyway).not.toHaveBeenCalled();
  });

  it('uses the given timeout', async () => {
    const { deps, closeEvent } = harness({ timeoutMs: 50 });
    closeEvent();
    await vi.advanceTimersByTimeAsync(50);
    expect(deps.close).toHaveBeenCalledTimes(1);
  });

  it('closes at once when the renderer is gone, or sending the request fails', async () => {
    const gone = harness({ rendererAlive: () => false });
    gone.closeEvent();
    await gone.guard.pending;
    expect(gone.deps.close).toHaveBeenCalledTimes(1);
    expect(gone.requests).toEqual([]);

    const broken = harness({
      requestFlush: () => {
        throw new Error('Object has been destroyed');
      },
    });
    broken.closeEvent();
    expect(await broken.guard.pending).toBe('closed');
  });

  it('ignores further closes while waiting, stale and malformed answers', async () => {
    const { guard, deps, requests, closeEvent } = harness();
    closeEvent();
    expect(closeEvent().prevented).toBe(true);
    expect(requests).toEqual([1]);
    for (const payload of [{ requestId: 2, allSaved: true }, { requestId: 1 }, { requestId: 1, allSaved: 'yes' }, null, 'done', { requestId: 1, allSaved: true, extra: 1 }]) {
      guard.onFlushDone(payload);
    }
    await vi.advanceTimersByTimeAsync(10);
    expect(deps.close).not.toHaveBeenCalled();
    guard.onFlushDone({ requestId: 1, allSaved: true });
    await guard.pending;
    expect(deps.close).toHaveBeenCalledTimes(1);
  });

  it('an answer after the timeout changes nothing', async () => {
    const { guard, deps, closeEvent } = harness();
    closeEvent();
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS);
    guard.onFlushDone({ requestId: 1, allSaved: false });
    expect(deps.close).toHaveBeenCalledTimes(1);
    expect(deps.confirmCloseAnyway).not.toHaveBeenCalled();
  });

  it('a dialog that fails counts as "Stay"', async () => {
    const { guard, deps, closeEvent } = harness({ confirmCloseAnyway: async () => Promise.reject(new Error('no dialog')) });
    closeEvent();
    guard.onFlushDone({ requestId: 1, allSaved: false });
    expect(await guard.pending).toBe('stayed');
    expect(deps.close).not.toHaveBeenCalled();
  });
});

describe('close dialog texts', () => {
  it('come from the catalogues in both languages, the safe choice first', () => {
    expect(closeDialogTexts('en')).toEqual({
      title: 'Some changes are not saved',
      body: expect.stringContaining('If you close Briefcase now'),
      stay: 'Stay and fix them',
      closeAnyway: 'Close anyway',
    });
    expect(closeDialogTexts('da')).toMatchObject({ title: 'Nogle ændringer er ikke gemt', stay: 'Bliv og ret dem', closeAnyway: 'Luk alligevel' });
  });
});
