/**
 * The program thread of `sigillo verify BIG.pdf` (program-thread-host.ts): loads the program as the entry does
 * (program-loader.ts) and runs it with the words it was given; its PDF range hashing goes to the main thread,
 * which has been hashing the file since the process started (core/pdf/range-hash-thread.ts hashThreadOverPort).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { loadProgram } from './program-loader';
import { hashThreadOverPort } from '../core/pdf/range-hash-thread';

export interface ProgramThreadData {
  words: string[];
  /** the big PDF (resolved) the main thread hashes */
  pdf: string;
  /** where the jobs go and the digests come from */
  port: MessagePort;
  /** shared: set to end the main thread's reading ahead */
  stop: Int32Array;
  /** the process's stderr is a terminal: progress lines are drawn as they would be on the main thread */
  stderrTTY: boolean;
}

const data = workerData as ProgramThreadData;
// however this thread ends (an uncaught error too), the main thread stops reading ahead at once
process.on('exit', () => Atomics.store(data.stop, 0, 1));
if (data.stderrTTY) process.stderr.isTTY = true;
const program = loadProgram(module);
void program.main(data.words, process.env, { pdfHash: hashThreadOverPort(data.port, data.pdf, data.stop) });
