/** What a worker operation receives besides its parameters. */
import type { WorkerProgress } from './protocol';

export interface OpContext {
  /** aborted when the shell cancels the operation */
  signal: AbortSignal;
  progress(p: WorkerProgress): void;
}

export type OpHandler = (params: unknown, ctx: OpContext) => Promise<unknown>;
