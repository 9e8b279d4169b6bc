/**
 * Makes the training inputs of the CLI's code cache (build/scripts/train-code-cache.js), committed next to this
 * file: a FatturaPA invoice signed to .p7m (CAdES) and a one-page PDF signed (PAdES), both by `sigillo sign` with a
 * SoftHSM token of the test PKI, and that PKI's root as the trust anchor; and the cached-revocation input
 * (make-ocsp-inputs.sh: ocsp-root.pem, ocsp-signer.pem, ocsp-fattura.xml.p7m and its OCSP answer). Run once by hand when they must change:
 *   npm run build && npx tsx build/training/make-inputs.ts
 * (needs openssl and SoftHSM2, like the tests; the build itself needs neither).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBenchToken } from '../../test/bench/bench-token';
import { writeHandwritten } from '../../test/pdf/support/make-pdf';
import { CLI } from '../../test/support/cli';
import { invoiceXml } from '../../test/xades/support/fatturapa-sample';

const here = __dirname;
const work = mkdtempSync(join(tmpdir(), 'sigillo-training-'));
try {
  const { pki, env } = makeBenchToken(work);
  const sign = (args: string[]) =>
    execFileSync(process.execPath, [CLI, 'sign', '--out', work, ...args], {
      env: { PATH: process.env.PATH, ...env },
    });
  const invoice = join(work, 'IT01234567890_00001.xml');
  writeFileSync(invoice, invoiceXml());
  sign(['--format', 'cades', invoice]);
  const pdf = writeHandwritten(join(work, 'documento.pdf'));
  sign(['--format', 'pades', pdf]);
  copyFileSync(`${invoice}.p7m`, join(here, 'fattura.xml.p7m'));
  copyFileSync(join(work, 'documento-signed.pdf'), join(here, 'documento.pdf'));
  copyFileSync(pki.rootPem, join(here, 'root.pem'));
  const ocspWork = join(work, 'ocsp');
  mkdirSync(ocspWork);
  execFileSync('sh', [join(here, 'make-ocsp-inputs.sh'), ocspWork, here, invoice]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
