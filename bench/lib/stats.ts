// Summaries of repeated timings. Percentiles use the nearest-rank method on the sorted samples, so
// with 10–20 samples p95 is the largest or second-largest sample: read it as "the slow end".

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarise(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (index: number) => sorted[Math.min(n - 1, Math.max(0, index))] as number;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { n, median, p95: at(Math.ceil(0.95 * n) - 1), min: at(0), max: at(n - 1) };
}

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const now = (): number => performance.now();

/** Let the event loop turn (timers, signals such as Ctrl-C), outside any measurement. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Time one synchronous or asynchronous call, in milliseconds; the event loop turns afterwards. */
export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  const ms = now() - start;
  await yieldToEventLoop();
  return { ms, value };
}
