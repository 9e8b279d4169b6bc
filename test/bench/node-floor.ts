/**
 * What no Node program can beat on this machine (issue 22): the start of a bare `node` process, and a minimal
 * script that only hashes a 200 MB file (BENCH_PDF_MIB) — on the main thread, and on one worker thread as Sigillo's
 * PDF verification does — against `openssl dgst -sha256` of the same file, best of 5 in turns. Also what the
 * machine's NODE_START_VARS (bench-lib.ts) add to every Node start. These are floors, not goals: a Sigillo figure
 * below them would be a measuring error. Run by `npm run bench`, or alone with `npx tsx test/bench/node-floor.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MIB,
  NODE_START_VARS,
  best,
  compare,
  measure,
  note,
  randomFile,
  removeDir,
  scratchDir,
  warm,
} from './bench-lib';

/** reads the file in 1 MiB chunks (buffer placed a page past its start) into SHA-256: nothing else */
export const HASH = `const fs = require('fs'), c = require('crypto');
function hashFile(path) {
  const fd = fs.openSync(path, 'r');
  const buf = Buffer.allocUnsafeSlow((1 << 20) + 8192).subarray(4096 - 16 + 4096);
  const h = c.createHash('sha256');
  for (let at = 0, n; (n = fs.readSync(fd, buf, 0, 1 << 20, at)) > 0; at += n) h.update(buf.subarray(0, n));
  fs.closeSync(fd);
  return h.digest('hex');
}`;

const MAIN = `${HASH}\nconsole.log(hashFile(process.argv[2]));\n`;

/** the same hashing on one worker thread: the file is argv[2], the digest printed */
export const WORKER = `const { Worker } = require('worker_threads');
const w = new Worker(${JSON.stringify(`${HASH}\nrequire('worker_threads').parentPort.postMessage(hashFile(require('worker_threads').workerData));`)}, { eval: true, workerData: process.argv[2] });
w.once('message', (d) => { console.log(d); process.exit(0); });
`;

export function benchNodeFloor(mib = Number(process.env.BENCH_PDF_MIB ?? 200)): void {
  const dir = scratchDir('node-floor');
  try {
    const file = randomFile(join(dir, 'input.bin'), mib * MIB);
    const main = join(dir, 'hash-main.js');
    const worker = join(dir, 'hash-worker.js');
    writeFileSync(main, MAIN);
    writeFileSync(worker, WORKER);
    warm(file);
    const node = process.execPath;
    const openssl = best(5, () => measure('openssl', ['dgst', '-sha256', file]));
    const digest = openssl.stdout.trim().split('= ').pop();
    const onMain = best(5, () => measure(node, [main, file]));
    const onWorker = best(5, () => measure(node, [worker, file]));
    if (onMain.stdout.trim() !== digest || onWorker.stdout.trim() !== digest) {
      throw new Error('the floor scripts hashed something else than openssl');
    }
    const bare = best(5, () => measure(node, ['-e', '0']));
    note(`node -e 0 (no script): ${bare.seconds.toFixed(3)} s, peak RSS ${bare.rssMiB.toFixed(0)} MiB`);
    for (const v of NODE_START_VARS) {
      const value = process.env[v];
      if (value === undefined) continue;
      const withVar = best(5, () => measure(node, ['-e', '0'], { env: { [v]: value } }));
      note(
        `${v} is set here (${value}): node -e 0 takes ${withVar.seconds.toFixed(3)} s with it, ` +
          `${bare.seconds.toFixed(3)} s without (measured commands run without it; BENCH_NODE_ENV=keep keeps it)`,
      );
    }
    compare(`floor: node hashing ${mib} MiB on its main thread`, onMain, 'openssl dgst -sha256', openssl, {});
    compare(
      `floor: node hashing ${mib} MiB on one worker thread`,
      onWorker,
      'openssl dgst -sha256',
      openssl,
      {},
    );
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchNodeFloor();
