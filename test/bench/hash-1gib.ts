/**
 * SHA-256 of a random file (default 1 GiB; BENCH_MIB to change): Sigillo's hashing path (readInput's 4 MiB
 * read-ahead chunks into node:crypto, from the built dist/) vs `openssl dgst -sha256`. Run by `npm run bench`.
 */
import { join } from 'node:path';
import { MIB, best, compare, measure, randomFile, removeDir, scratchDir, warm } from './bench-lib';

const HASH_CHILD = `
const { readInput } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'electron', 'core', 'files', 'input-file.js'))});
const h = require('node:crypto').createHash('sha256');
(async () => { for await (const c of readInput(process.argv[1])) h.update(c); console.log(h.digest('hex')); })();
`;

export function benchHash(mib = Number(process.env.BENCH_MIB ?? 1024)): void {
  const dir = scratchDir('hash');
  try {
    const input = randomFile(join(dir, 'big.bin'), mib * MIB);
    warm(input);
    const ours = best(3, () => measure(process.execPath, ['-e', HASH_CHILD, input]));
    const ossl = best(3, () => measure('openssl', ['dgst', '-sha256', input]));
    if (!ossl.stdout.includes(ours.stdout.trim())) throw new Error('the two SHA-256 values differ');
    compare(`SHA-256 ${mib} MiB`, ours, 'openssl dgst -sha256', ossl, { ratio: 1.0 });
  } finally {
    removeDir(dir);
  }
}

if (require.main === module) benchHash();
