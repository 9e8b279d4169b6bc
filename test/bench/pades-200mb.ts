/**
 * Benchmark (not part of `npm test`): signs a generated 200 MB PDF with PAdES and prints the time next to
 * `cp` + `openssl dgst -sha256` of the same file, measured in the same run.
 *   npx tsx test/bench/pades-200mb.ts [SIZE_MB]
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../support/pki';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { signPades } from '../../electron/core/sign/pades-sign';

/** a one-page PDF followed by one big (unreferenced) stream object, written in chunks */
function writeBigPdf(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  let at = 0;
  const offsets: number[] = [];
  const put = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    writeSync(fd, buf);
    at += buf.length;
  };
  const content = 'BT /F1 18 Tf 72 720 Td (Documento grande) Tj ET';
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  objs.forEach((o, i) => {
    offsets.push(at);
    put(`${i + 1} 0 obj\n${o}\nendobj\n`);
  });
  offsets.push(at);
  put(`6 0 obj\n<< /Length ${bytes} >>\nstream\n`);
  const chunk = Buffer.alloc(8 << 20);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 2654435761) >>> 24;
  for (let left = bytes; left > 0; left -= chunk.length) put(chunk.subarray(0, Math.min(chunk.length, left)));
  put('\nendstream\nendobj\n');
  const xrefAt = at;
  let x = `xref\n0 7\n0000000000 65535 f \n`;
  for (const o of offsets) x += `${String(o).padStart(10, '0')} 00000 n \n`;
  put(`${x}trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  closeSync(fd);
}

function time(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main(): Promise<void> {
  const mb = Number(process.argv[2] ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'sigillo-bench-'));
  try {
    const pki = makeTestPki(join(dir, 'pki'));
    const signer = new SoftwareSigner({
      keyPem: pki.signature.keyPem,
      certPem: pki.signature.certPem,
      chainPems: [pki.caPem],
    });
    const input = join(dir, 'big.pdf');
    writeBigPdf(input, mb * 1024 * 1024);
    const size = statSync(input).size;
    const copy = join(dir, 'copy.pdf');
    // best of 3 for both: the machine is shared, single runs are noisy
    let ref = Infinity;
    let sign = Infinity;
    let rssGrowth = 0;
    let output = '';
    for (let round = 0; round < 3; round++) {
      ref = Math.min(
        ref,
        time(() => {
          execFileSync('cp', [input, copy]);
          execFileSync('openssl', ['dgst', '-sha256', input], { stdio: 'ignore' });
        }),
      );
      rmSync(copy);
      output = join(dir, `big-signed-${round}.pdf`);
      const rssBefore = process.memoryUsage().rss;
      const t0 = process.hrtime.bigint();
      await signPades({ input, output, overwrite: false, digest: 'sha256', signer });
      sign = Math.min(sign, Number(process.hrtime.bigint() - t0) / 1e9);
      rssGrowth = Math.max(rssGrowth, (process.memoryUsage().rss - rssBefore) / 1024 / 1024);
      if (round < 2) rmSync(output);
    }
    const r = { output };
    const head = readFileSync(r.output).subarray(0, 16).toString('latin1');
    console.log(`input ${(size / 1024 / 1024).toFixed(0)} MiB, output ${r.output} (${head.slice(0, 8)}…)`);
    console.log(`cp + openssl dgst -sha256: ${ref.toFixed(2)} s`);
    console.log(`sigillo PAdES sign:        ${sign.toFixed(2)} s  (ratio ${(sign / ref).toFixed(2)})`);
    console.log(`RSS growth while signing:  ${rssGrowth.toFixed(0)} MiB (max of 3)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
