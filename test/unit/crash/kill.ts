// One round of the crash tests: hand a waiting child its job, let it work until the chosen moment
// (KillAt), SIGKILL it, and read what it had acknowledged and what it was in the middle of.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Spawner } from './bundle';
import type { Job, Line, Write } from './protocol';

export interface Round {
  /** Writes acknowledged in this round, in order. */
  acks: Write[];
  /** The write the kill interrupted: its intent was printed, its ack was not. */
  inFlight: Write | undefined;
  /** Milliseconds from `ready` to the kill. */
  ranFor: number;
  /** Milliseconds from `ready` to each `step` line and to the first `ack`. */
  at: Record<string, number>;
  /** How long each acknowledged write took, from its intent to its ack (ms). */
  durations: number[];
}

/**
 * When to kill: `delayMs` after the `count`-th line containing `after` (default: `ready`), or on
 * the line containing `until`.
 */
export type KillAt = { delayMs: number; after?: string; count?: number } | { until: string };

/** Runs one job in a waiting child and kills it. Throws, with what the child said, if it ended by itself: that is a failure, not a crash. */
export async function killedRound(children: Spawner, job: Job, when: KillAt): Promise<Round> {
  const started = children.take();
  started.begin(job);
  await started.ready;
  const from = performance.now();
  if ('until' in when) {
    await started.lineWith(when.until);
  } else {
    if (when.after !== undefined) await started.lineWith(when.after, when.count);
    await sleep(when.delayMs);
  }
  started.child.kill('SIGKILL');
  const exit = await started.exited;
  const ranFor = performance.now() - from;
  const lines = started.lines.map((line) => JSON.parse(line) as Line);
  const failed = lines.find((line) => line.t === 'failed');
  if (exit.signal !== 'SIGKILL' || failed || lines[0]?.t !== 'ready') {
    throw new Error(`the child ended by itself (code ${exit.code}, ${JSON.stringify(failed ?? lines.at(-1))}): ${exit.stderr.slice(0, 2_000)}`);
  }
  const acks: Write[] = [];
  const at: Record<string, number> = {};
  const durations: number[] = [];
  let inFlight: Write | undefined;
  let intentAt = 0;
  lines.forEach((line, index) => {
    const time = started.times[index]! - from;
    if (line.t === 'step') at[line.step] ??= time;
    if (line.t === 'intent') intentAt = time;
    if (line.t === 'ack') {
      at.ack ??= time;
      durations.push(time - intentAt);
    }
  });
  for (const line of lines) {
    if (line.t === 'intent') inFlight = strip(line);
    if (line.t === 'ack') {
      acks.push(strip(line));
      inFlight = undefined;
    }
  }
  return { acks, inFlight, ranFor, at, durations };
}

const strip = ({ t: _t, ...write }: Line & { t: 'intent' | 'ack' }): Write => write as Write;
