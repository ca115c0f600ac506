// Long-running exchange work (an export, an import's preview) as jobs the caller can watch and
// cancel. main/core/api.ts answers exchange.progress and exchange.cancel outside its serialised
// call queue: they only read or flip this registry, never the vault, so they cannot interleave
// with the job's own database work.
//
// The caller picks the job id (ExportRequest.jobId) before it starts the call, so a cancel may
// arrive before the job has started (its call still waiting in the queue): such an id is
// remembered and the job starts already aborted.
import type { JobProgress } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';

interface Job {
  controller: AbortController;
  done: number;
  total: number;
  state: JobProgress['state'];
}

/** Finished jobs and early cancels kept for progress questions; the oldest are forgotten first. */
const KEEP = 100;

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly cancelledEarly = new Set<string>();

  /**
   * Runs `work` as job `jobId` (or anonymously when none is given): it gets the signal to stop on
   * and a progress callback. An error after a cancel is CANCELLED, whatever the work threw.
   */
  async run<T>(jobId: string | undefined, work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    if (jobId !== undefined && this.jobs.get(jobId)?.state === 'running') throw new BriefcaseError('IN_USE');
    const job: Job = { controller: new AbortController(), done: 0, total: 0, state: 'running' };
    if (jobId !== undefined) {
      this.jobs.delete(jobId); // re-inserted last, so it is forgotten last
      this.jobs.set(jobId, job);
      if (this.cancelledEarly.delete(jobId)) job.controller.abort();
      this.prune();
    }
    const onProgress = (done: number, total: number) => {
      job.done = done;
      job.total = total;
    };
    try {
      if (job.controller.signal.aborted) throw new BriefcaseError('CANCELLED');
      const result = await work(job.controller.signal, onProgress);
      // Work that ignored a late cancel still finished: its result stands.
      job.state = 'finished';
      return result;
    } catch (error) {
      if (job.controller.signal.aborted) {
        job.state = 'cancelled';
        throw new BriefcaseError('CANCELLED');
      }
      job.state = 'failed';
      throw error;
    }
  }

  progress(jobId: string): JobProgress {
    const job = this.jobs.get(jobId);
    if (!job) return { done: 0, total: 0, state: this.cancelledEarly.has(jobId) ? 'cancelled' : 'unknown' };
    return { done: job.done, total: job.total, state: job.state };
  }

  cancel(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job) {
      if (job.state === 'running') job.controller.abort();
      return;
    }
    this.cancelledEarly.add(jobId);
    this.prune();
  }

  /** Aborts every running job (lock, close). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') job.controller.abort();
  }

  private prune(): void {
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= KEEP) break;
      if (this.jobs.get(id)!.state !== 'running') this.jobs.delete(id);
    }
    for (const id of this.cancelledEarly) {
      if (this.cancelledEarly.size <= KEEP) break;
      this.cancelledEarly.delete(id);
    }
  }
}
