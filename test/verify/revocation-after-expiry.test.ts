/**
 * Revocation data issued after the certificate expired (RFC 5280 §3.3: a CA may drop expired certificates from its
 * CRLs, so their absence says nothing): its "good" is no answer for that certificate, unless the CRL carries
 * expiredCertsOnCRL (X.509 §7.3) at or before the certificate's notAfter — DSS's revocation consistency check
 * (INDETERMINATE). The case: a signer expired a year ago, a trusted signature timestamp from before its expiry,
 * and as only revocation data an embedded CRL of today that does not list it.
 */
import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { withEmbeddedCrls } from '../../electron/core/verify/embedded-validation';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import type { IssuedCert } from '../support/pki';
import type { TsaPki } from '../support/tsa-server';
import {
  datedLeaf,
  datedToken,
  makeDatedPki,
  withRevocationValues,
  withSignatureTimestamp,
} from './support/dated-pki';

const fx = inject('fixture');
const YEAR = 365 * 24 * 3600e3;
let pki: TsaPki;
let leaf: IssuedCert;
let dir = '';

const parsed = (pem: string): ParsedCert =>
  parseCert(new Uint8Array(execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER']))) as ParsedCert;

/** the root's CRL of today, with `edit` applied and signed again */
function rootCrl(edit?: (c: pkijs.CertificateRevocationList) => void): Uint8Array {
  const key = join(pki.dir, 'root.key.pem');
  const pem = join(dir, 'root.crl.pem');
  const ca = ['-config', pki.config, '-keyfile', key, '-cert', pki.rootPem, '-crldays', '30'];
  execFileSync('openssl', ['ca', '-gencrl', ...ca, '-out', pem], { stdio: 'pipe' });
  const der = new Uint8Array(execFileSync('openssl', ['crl', '-in', pem, '-outform', 'DER']));
  if (!edit) return der;
  const crl = pkijs.CertificateRevocationList.fromBER(der);
  edit(crl);
  const tbs = Buffer.from((crl.toSchema(true).valueBlock.value[0] as asn1js.Sequence).toBER());
  crl.signatureValue = new asn1js.BitString({ valueHex: sign('sha256', tbs, readFileSync(key)) });
  return new Uint8Array(crl.toSchema(true).toBER());
}

/** the CRL with expiredCertsOnCRL (2.5.29.60) = `at` */
const coveringFrom = (at: Date) =>
  rootCrl((c) => {
    const extensions = [...(c.crlExtensions?.extensions ?? [])];
    const extnValue = new asn1js.GeneralizedTime({ valueDate: at }).toBER();
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.60', critical: false, extnValue }));
    c.crlExtensions = new pkijs.Extensions({ extensions });
  });

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'rev-after-expiry-'));
  ({ pki } = makeDatedPki(dir));
  const now = Date.now();
  leaf = datedLeaf(pki, 'expired', { start: new Date(now - 6 * YEAR), end: new Date(now - YEAR) });
});

describe('revocation data issued after the certificate expired', () => {
  it('an expired signer with a timestamp before expiry and only a CRL of today is not TOTAL_PASSED', async () => {
    const doc = join(dir, 'doc.txt');
    writeFileSync(doc, 'Contratto: pagare 1000 EUR\n');
    const p7m = join(dir, 'doc.txt.p7m');
    // no signed attributes: no claimed signing time (after expiry, it would fail the signature by itself)
    const sign = ['cms', '-sign', '-binary', '-nodetach', '-noattr', '-md', 'sha256', '-in', doc];
    const key = ['-signer', leaf.certPem, '-inkey', leaf.keyPem, '-outform', 'DER', '-out', p7m];
    execFileSync('openssl', [...sign, ...key], { stdio: 'pipe' });
    const crl = rootCrl();
    // the token carries today's CRL too: the TSA (valid) is not revoked, the timestamp passes
    const stamped = withSignatureTimestamp(new Uint8Array(readFileSync(p7m)), (sv) =>
      withRevocationValues(datedToken(pki, new Date(Date.now() - 2 * YEAR), sv, 'sha256'), [crl]),
    );
    const out = join(dir, 'doc-lt.txt.p7m');
    writeFileSync(out, withRevocationValues(stamped, [crl]));
    // offline, as `verify --offline`: the file's own data only
    const revocation = createRevocationChecker({ offline: true, cacheDir: null });
    const r = await verifyFile(out, { trust: new TrustStore(await readTrustFile(pki.rootPem)), revocation });
    expect(r.error).toBeNull();
    const s = r.signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.timestamps?.length).toBe(1);
    expect(s.timestamps?.[0]?.indication).toBe('TOTAL_PASSED');
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('TRY_LATER');
    expect(s.revocation?.status).toBe('unknown');
    expect(s.revocation?.message).toMatch(/scadenza del certificato|after the certificate expired/);
  });

  it('the same CRL with expiredCertsOnCRL at or before notAfter is a "good"; after notAfter it is not', async () => {
    const cert = parsed(leaf.certPem);
    const root = parsed(pki.rootPem);
    const notAfter = new Date(cert.x509.validTo);
    const status = async (crl: Uint8Array) =>
      (await withEmbeddedCrls(undefined, [crl], new Date())?.check(cert, root))?.status;
    expect(await status(rootCrl())).toBe('unknown');
    expect(await status(coveringFrom(new Date(notAfter.getTime() - YEAR)))).toBe('good');
    expect(await status(coveringFrom(new Date(notAfter.getTime() + 24 * 3600e3)))).toBe('unknown');
    // a certificate still valid: today's CRL speaks for it
    const live = datedLeaf(pki, 'live', {
      start: new Date(Date.now() - YEAR),
      end: new Date(Date.now() + YEAR),
    });
    const ok = await withEmbeddedCrls(undefined, [rootCrl()], new Date())?.check(parsed(live.certPem), root);
    expect(ok?.status).toBe('good');
  });
});
