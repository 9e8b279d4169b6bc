/**
 * `sigillo verify BIG.pdf` (issue 22): the program runs on a worker thread (program-thread.ts) while this, the
 * process's main thread, hashes the PDF from byte 0 at once (core/pdf/range-hash-thread.ts hashAhead) and then
 * answers the program's range-hashing jobs with that head start. A worker that only hashes would start ~30 ms
 * late and leave 1.33× `openssl dgst` as the floor of the whole command; the hashing here starts with the
 * process. The program is the same program: its words, environment and output (stdout and stderr pass through
 * this thread), its exit code taken as the process's.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { writeSync } from 'node:fs';
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { CHUNK, hashAhead } from '../core/pdf/range-hash-thread';
import { rangeHashPass } from '../core/pdf/range-hash-pass';
import { bufferShift } from '../core/files/aligned-buffer';
import type { ProgramThreadData } from './program-thread';

/** SIGILLO_DEBUG_EARLY_HASH=1: this line on stderr first (the program's own follow: early-pdf-hash.ts) */
export const ON_THREAD_NOTE = 'sigillo: program on a thread, the PDF hashed on the main thread\n';

export function runProgramOnThread(pdf: string, words: string[]): void {
  if (process.env.SIGILLO_DEBUG_EARLY_HASH === '1') writeSync(2, ON_THREAD_NOTE);
  // the program's output reaches the terminal through this thread: a closed pipe ends it here as it would there
  endQuietlyOnClosedPipe();
  const { port1, port2 } = new MessageChannel();
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const data: ProgramThreadData = { words, pdf, port: port1, stop, stderrTTY: !!process.stderr.isTTY };
  const worker = new Worker(join(__dirname, 'program-thread.js'), {
    workerData: data,
    transferList: [port1],
  });
  worker.on('error', (e: Error) => {
    process.stderr.write(`${e.stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
  worker.once('exit', (code) => {
    Atomics.store(stop, 0, 1);
    port2.close();
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
  });
  hashAhead(rangeHashPass, bufferShift, CHUNK, pdf, port2, stop);
}
