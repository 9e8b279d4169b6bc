/**
 * A verifier thread of verify-pool.ts started from the plain files (the CLI starts cli/verifier-thread.js,
 * which runs the same body from its bundle).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifierThread } from './verify-pool-thread';
import type { PoolSession } from './verify-pool';

if (parentPort) void verifierThread(parentPort, (workerData as { pool: PoolSession }).pool);
