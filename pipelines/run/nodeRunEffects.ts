import { randomBytes } from 'node:crypto';
import type { Progress } from './progressLine.ts';
import { isPidAlive } from './runLock.ts';
import type { RunEffects } from './runPipeline.ts';
import type { PipelineStages, RunLog } from './stages.ts';

/** The production effects of a run: the system clock, random id suffixes, this process's pid. */
export function nodeRunEffects(parts: {
  stages: PipelineStages;
  log: RunLog;
  progress: Progress;
  checkpoint: (point: string) => Promise<void>;
  signal?: AbortSignal;
}): RunEffects {
  return {
    now: () => new Date(),
    randomSuffix: () => randomBytes(2).toString('hex'),
    pid: process.pid,
    isPidAlive,
    ...parts,
  };
}
