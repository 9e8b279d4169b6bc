/**
 * A PDF whose only "signatures" are RFC 3161 document timestamps is not a signed file: the timestamp is reported
 * valid, but the file does not pass (exit 1) and the summary says it is only timestamped — as a .tsd over unsigned
 * data. A real signature followed by a document timestamp still passes. Timestamps from a loopback TSA (our
 * writer) and from `openssl ts` (a /Type /Sig dictionary with /SubFilter /ETSI.RFC3161); revocation answered
 * "good" so that a valid timestamp is TOTAL_PASSED.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fileSummary } from '../../electron/cli/commands/verify-text';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import { noAnswer, type RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import { addDocumentTimestamp } from '../../electron/core/sign/pades-doc-timestamp';
import { signPades } from '../../electron/core/sign/pades-sign';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { reportPassed } from '../../electron/core/validate/report-passed';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { useTsa } from '../timestamp/support/ltv-fixture';
import { pdfWithCms } from './support/cms-pdf';
import { writeHandwritten } from './support/make-pdf';
import { datedToken } from '../verify/support/dated-pki';
import type { TsaPki } from '../support/tsa-server';

const fx = inject('fixture');
const svc = useTsa('sigillo-doc-ts-only-');
let trust: TrustStore;
const good: RevocationChecker = { check: async () => ({ ...noAnswer('unknown', ''), status: 'good' }) };
const SAYS_SIGNATURE_VALID = /signature is valid|firma è valida/;
const ONLY_TIMESTAMPED =
  /no signature: the document carries document timestamps only|nessuna firma: il documento ha solo marche temporali/;

beforeAll(async () => {
  trust = new TrustStore([
    ...(await readTrustFile(svc.pki.rootPem)),
    ...(await readTrustFile(fx.pki.rootPem)),
  ]);
});

const verify = (file: string) => verifyFile(file, { trust, revocation: good });

/** an RFC 3161 token over `data` from `openssl ts` with the TSA's key */
function opensslToken(dir: string, data: Buffer): Uint8Array {
  const base = join(dir, 'ranges');
  writeFileSync(base, data);
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: svc.pki.dir, stdio: 'pipe' });
  run(['ts', '-query', '-data', base, '-sha256', '-cert', '-out', `${base}.tsq`]);
  run([
    'ts',
    '-reply',
    '-config',
    svc.pki.config,
    '-queryfile',
    `${base}.tsq`,
    '-token_out',
    '-out',
    `${base}.tok`,
  ]);
  return new Uint8Array(readFileSync(`${base}.tok`));
}

describe('a PDF with document timestamps only', () => {
  it('a /DocTimeStamp added to an unsigned PDF: the timestamp is valid, the file is not signed', async () => {
    const d = svc.fresh('doc-ts');
    const out = join(d, 'stamped.pdf');
    await addDocumentTimestamp(writeHandwritten(join(d, 'plain.pdf')), out, false, { url: svc.tsa.url });
    const r = await verify(out);
    expect(r.error).toBeNull();
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]).toMatchObject({ documentTimestamp: true, indication: 'TOTAL_PASSED' });
    expect(reportPassed(r)).toBe(false);
    expect(fileSummary(r)).toMatch(ONLY_TIMESTAMPED);
    expect(fileSummary(r)).not.toMatch(SAYS_SIGNATURE_VALID);
  });

  it('a /Type /Sig dictionary with /SubFilter /ETSI.RFC3161 (openssl ts): the same', async () => {
    const d = svc.fresh('sig-ts');
    const file = pdfWithCms(join(d, 'sigts.pdf'), 'ETSI.RFC3161', (b) => opensslToken(d, b), {
      type: '/Sig',
    });
    expect(readFileSync(file, 'latin1')).toContain('/Type /Sig /Filter');
    const r = await verify(file);
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]).toMatchObject({ documentTimestamp: true, indication: 'TOTAL_PASSED' });
    expect(reportPassed(r)).toBe(false);
    expect(fileSummary(r)).toMatch(ONLY_TIMESTAMPED);
    expect(fileSummary(r)).not.toMatch(SAYS_SIGNATURE_VALID);
  });

  it("a document timestamp signed by a certificate that is no TSA (a signer's own): not a valid timestamp", async () => {
    const d = svc.fresh('not-tsa');
    // backdated a year: any trusted certificate could otherwise claim any time
    const year = new Date(Date.now() - 365 * 24 * 3600_000);
    const signer = {
      dir: d,
      tsaCertPem: fx.pki.signature.certPem,
      tsaKeyPem: fx.pki.signature.keyPem,
    } as TsaPki;
    const file = pdfWithCms(join(d, 'not-tsa.pdf'), 'ETSI.RFC3161', (b) =>
      datedToken(signer, year, b, 'sha256'),
    );
    const r = await verify(file);
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]).toMatchObject({
      documentTimestamp: true,
      integrity: 'valid',
      indication: 'INDETERMINATE',
      subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
    });
    expect(r.signatures[0]!.messages.join(' ')).toMatch(/RFC 3161/);
    // the same token shape from the real TSA passes (the rule, not the token, decides)
    const tsa = { dir: d, tsaCertPem: svc.pki.tsaCertPem, tsaKeyPem: svc.pki.tsaKeyPem } as TsaPki;
    const ok = pdfWithCms(join(d, 'tsa.pdf'), 'ETSI.RFC3161', (b) => datedToken(tsa, year, b, 'sha256'));
    expect((await verify(ok)).signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED' });
  });

  it('a real signature followed by a document timestamp still passes, without that line', async () => {
    const d = svc.fresh('signed-ts');
    const signed = join(d, 'signed.pdf');
    await signPades({
      input: writeHandwritten(join(d, 'contratto.pdf')),
      output: signed,
      overwrite: false,
      digest: 'sha256',
      signer: new SoftwareSigner({
        keyPem: fx.pki.signature.keyPem,
        certPem: fx.pki.signature.certPem,
        chainPems: [fx.pki.caPem],
      }),
    });
    const out = join(d, 'signed-ts.pdf');
    await addDocumentTimestamp(signed, out, false, { url: svc.tsa.url });
    const r = await verify(out);
    expect(r.signatures.map((s) => [s.documentTimestamp, s.indication])).toEqual([
      [false, 'TOTAL_PASSED'],
      [true, 'TOTAL_PASSED'],
    ]);
    expect(reportPassed(r)).toBe(true);
    expect(fileSummary(r)).not.toMatch(ONLY_TIMESTAMPED);
  });
});
