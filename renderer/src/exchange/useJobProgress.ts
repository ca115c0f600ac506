// A long exchange call (export, preview) runs under a job id the renderer chooses; while it runs,
// exchange.progress is asked every 200 ms (the core answers it at once, outside its call queue) and
// exchange.cancel stops it. The call's own promise says how it ended; polling only draws the bar.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../preload/contract';
import { api } from '../api/client';

const POLL_MS = 200;

export interface Job {
  /** The running job's progress (null before the first answer, or when none runs). */
  progress: JobProgress | null;
  running: boolean;
  /** Runs `work` with a fresh job id, polling its progress until it settles. */
  run: <T>(work: (jobId: string) => Promise<T>) => Promise<T>;
  cancel: () => void;
}

export function useJobProgress(): Job {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);

  // A dialog closed mid-job cancels it: nobody would see the result.
  useEffect(
    () => () => {
      const jobId = current.current;
      current.current = null;
      if (jobId) void api.exchange.cancel({ jobId }).catch(() => undefined);
    },
    [],
  );

  const run = useCallback(async <T,>(work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = crypto.randomUUID();
    current.current = jobId;
    setProgress(null);
    setRunning(true);
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!polling) return;
        try {
          const answer = await api.exchange.progress({ jobId });
          if (polling && current.current === jobId && answer.state !== 'unknown') setProgress(answer);
        } catch {
          // Progress is decoration: the work's own answer says how it went.
        }
      }
    };
    void poll();
    try {
      return await work(jobId);
    } finally {
      polling = false;
      if (current.current === jobId) {
        current.current = null;
        setRunning(false);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const jobId = current.current;
    if (jobId) void api.exchange.cancel({ jobId }).catch(() => undefined);
  }, []);

  return { progress, running, run, cancel };
}
