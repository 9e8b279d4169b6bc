/**
 * CPU of reading a file from the page cache into a buffer as Node allocates it (16 bytes past a page: in the
 * slow copy band, files/aligned-buffer.ts) vs one placed by bufferShift (the copy-hash slots, read pools, range
 * hashing), and of copying it read + write through each, for a file written in one
 * call and one written in 4 KiB pieces. On the 2-vCPU AMD EPYC build machine (7 Dec 2026) reading 200 MB into
 * the aligned buffer costs ~0.08–0.09 s of CPU, into the shifted one ~0.02–0.03 s; read + write ~0.15 s vs ~0.10 s.
 * Prints the figures, exits 0. `npx tsx test/bench/read-alignment.ts` (BENCH_MIB, default 200).
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { bufferShift } from '../../electron/core/files/aligned-buffer';
import { MIB, randomFile, removeDir, scratchDir, warm } from './bench-lib';

function cpuMs(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(t0);
  return (c.user + c.system) / 1000;
}

function pass(input: string, buf: Buffer, out?: string): void {
  const fd = openSync(input, 'r');
  const w = out ? openSync(out, 'w') : undefined;
  try {
    for (let pos = 0, n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; pos += n) {
      if (w !== undefined) writeSync(w, buf, 0, n, pos);
    }
  } finally {
    closeSync(fd);
    if (w !== undefined) closeSync(w);
  }
}

const dir = scratchDir('read-alignment');
try {
  const pieces = randomFile(join(dir, 'pieces.bin'), Number(process.env.BENCH_MIB ?? 200) * MIB);
  const whole = join(dir, 'whole.bin');
  writeFileSync(whole, readFileSync(pieces));
  warm(pieces);
  // a big shared buffer starts 16 bytes past a page boundary (glibc's mmap chunk header)
  const shared = Buffer.from(new SharedArrayBuffer(8 * MIB));
  const views = {
    aligned: shared.subarray(0, 256 * 1024),
    placed: shared.subarray(bufferShift(0), bufferShift(0) + 256 * 1024),
  };
  for (let round = 0; round < 2; round++) {
    for (const [file, input] of Object.entries({ 'one write': whole, '4 KiB writes': pieces })) {
      for (const [name, buf] of Object.entries(views)) {
        const read = cpuMs(() => pass(input, buf));
        const copy = cpuMs(() => pass(input, buf, join(dir, 'out.bin')));
        console.log(
          `${file.padEnd(13)} ${name.padEnd(8)} read ${read.toFixed(0)} ms CPU, read + write ${copy.toFixed(0)} ms CPU`,
        );
      }
    }
  }
} finally {
  removeDir(dir);
}
