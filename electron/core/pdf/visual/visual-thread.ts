/**
 * The visual-diff thread's entry (started by visual-diff.ts with resource limits): reads the PDF, compares the
 * revisions and posts the result back, the PNGs transferred. A failure is posted as {error, name}.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { compareRevisions } from './compare-revisions';
import type { VisualLimits } from './visual-limits';
import type { VisualTarget } from './visual-types';

interface ThreadInput {
  path: string;
  targets: VisualTarget[];
  limits: VisualLimits;
}

async function main(): Promise<void> {
  const input = workerData as ThreadInput;
  try {
    const bytes = new Uint8Array(await readFile(input.path));
    const result = await compareRevisions(bytes, input.targets, input.limits);
    const transfer = result.flatMap((s) => s.pages.map((p) => p.png.buffer as ArrayBuffer));
    parentPort!.postMessage({ result }, transfer);
  } catch (e) {
    const err = e as { name?: string; message?: string } | undefined;
    parentPort!.postMessage({ error: String(err?.message ?? e), name: String(err?.name ?? 'Error') });
  }
}

void main();
