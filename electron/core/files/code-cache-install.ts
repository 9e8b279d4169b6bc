/**
 * Imported first (for its effect) by the CLI entry and by the verifier threads: modules loaded from then on use
 * the code cache (code-cache.ts). The calling thread writes the missing entries at exit; threads only read.
 * SIGILLO_NO_FAST=1 turns it off with the other speed-ups.
 */
import { isMainThread } from 'node:worker_threads';
import { installCodeCache } from './code-cache';
import { speedUpsOn } from './speed-ups';

if (speedUpsOn()) installCodeCache({ write: isMainThread });
