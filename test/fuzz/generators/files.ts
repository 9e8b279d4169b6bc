/**
 * Hostile paths rather than hostile bytes: a FIFO, a symlink to a device, a symlink loop, a dangling symlink, a
 * folder named like a signature, an empty file, a huge sparse file.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { between, type Generator, type HostileCase } from './types';

const fileCase = (name: string, make: (p: string) => void): HostileCase => ({
  name: `files/${name}`,
  make(dir) {
    const p = join(dir, `${name}.p7m`);
    make(p);
    return p;
  },
});

export const filesGenerator: Generator = (rand) => [
  fileCase('fifo', (p) => execFileSync('mkfifo', [p])),
  fileCase('symlink-to-device', (p) => symlinkSync('/dev/zero', p)),
  fileCase('symlink-loop', (p) => symlinkSync(p, p)),
  fileCase('dangling-symlink', (p) => symlinkSync(`${p}.missing`, p)),
  fileCase('folder', (p) => mkdirSync(p)),
  fileCase('empty', (p) => writeFileSync(p, '')),
  fileCase('sparse', (p) => {
    // a DER SEQUENCE header announcing the whole (sparse, all-zero) file, then nothing but holes
    const fd = openSync(p, 'w');
    const size = between(rand, 1, 4) * 1024 ** 3;
    writeSync(fd, Buffer.from([0x30, 0x84, (size >>> 24) & 0xff, (size >>> 16) & 0xff, 0, 0]));
    ftruncateSync(fd, size);
    closeSync(fd);
  }),
];
