/**
 * Not part of `npm test`: signs a sparse 1 GiB file (size in MiB as first argument) with the streaming CAdES
 * writer, adds a parallel signature to the result and reads it back with the streaming reader, printing the time
 * and the peak RSS of this process after each step. Run: `npx tsx test/bench/sign-rss.ts [MiB]`.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCades } from '../../electron/core/sign/cades';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { makeTestPki } from '../support/pki';
import { messageDigestOf } from '../cms/reader-helpers';
import { peakMiB, step } from './bench-lib';

const mib = Number(process.argv[2] ?? 1024);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sigillo-bench-'));
  try {
    const pki = makeTestPki(join(dir, 'pki'));
    const signer = new SoftwareSigner({ keyPem: pki.signature.keyPem, certPem: pki.signature.certPem });
    const input = join(dir, 'big.bin');
    writeFileSync(input, 'start');
    truncateSync(input, mib * 1024 * 1024);
    console.log(`input ${mib} MiB (sparse); peak RSS at start ${peakMiB()} MiB`);
    const first = await step('sign (attached p7m)', () =>
      signCades({ input, overwrite: false, digest: 'sha256', signer, nest: false }),
    );
    const outDir = join(dir, 'co');
    mkdirSync(outDir);
    const co = await step('parallel signature', () =>
      signCades({
        input: first.output,
        outputDir: outDir,
        overwrite: false,
        digest: 'sha384',
        signer,
        nest: false,
      }),
    );
    rmSync(first.output);
    const s = await step('read + hash (reader)', () => readSignedData(co.output));
    const ok = s.signerInfos.every((si) => {
      const md = messageDigestOf(si);
      return md !== undefined && Buffer.from(s.contentDigests[md.digest] ?? []).toString('hex') === md.value;
    });
    console.log(
      `content ${s.contentLength} bytes, ${s.signerInfos.length} signers, messageDigests match: ${ok}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
