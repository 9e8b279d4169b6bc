/**
 * Embedded CRLs (CAdES revocation-values, PDF DSS) are used like RFC 5280 §6.3.3 says: only for certificates of
 * their own issuer (the memo of a checked CRL is per issuer), only when complete and in scope (no delta CRL, no
 * indirect or some-reasons CRL, no unknown critical extension, IDP scope honoured), a revocation on any of them
 * wins, and a "good" from data issued before the best signature time does not stop the search for fresher data
 * (ETSI EN 319 102-1 §5.2.5; DSS uses the freshest data it has).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { withEmbeddedCrls } from '../../electron/core/verify/embedded-validation';
import { checkSignerCertificate } from '../../electron/core/verify/signer-checks';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import type { IssuedCert } from '../support/pki';
import { CA_EXT, LEAF_EXT, startChainPki, type ChainPki } from './support/chain-pki';

const fx = inject('fixture');
let pki: ChainPki;
let n = 0;

beforeAll(async () => {
  pki = await startChainPki(mkdtempSync(join(fx.root, 'emb-crl-')));
});
afterAll(() => pki.close());

const parsed = (c: IssuedCert): ParsedCert =>
  parseCert(new Uint8Array(readFileSync(c.certDer))) as ParsedCert;
const ts = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/** the CRL of `issuer` now (its database), thisUpdate at `from`, changed by `edit` and signed again */
function crlOf(issuer: IssuedCert, from = new Date(), edit?: (c: pkijs.CertificateRevocationList) => void) {
  const pem = join(pki.dir, `x${n++}.crl.pem`);
  const conf = join(pki.dir, `${issuer.name}.crl.cnf`);
  const args = [
    '-config',
    conf,
    '-cert',
    issuer.certPem,
    '-keyfile',
    issuer.keyPem,
    '-crl_lastupdate',
    ts(from),
  ];
  execFileSync('openssl', ['ca', '-gencrl', ...args, '-out', pem], { stdio: 'pipe' });
  const der = execFileSync('openssl', ['crl', '-in', pem, '-outform', 'DER']);
  if (!edit) return new Uint8Array(der);
  const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
  edit(crl);
  // the TBS re-encoded (element 0 of the whole CRL encoded anew), then signed again with the issuer's key
  const tbs = Buffer.from((crl.toSchema(true).valueBlock.value[0] as asn1js.Sequence).toBER());
  crl.signatureValue = new asn1js.BitString({ valueHex: sign('sha256', tbs, readFileSync(issuer.keyPem)) });
  return new Uint8Array(crl.toSchema(true).toBER());
}

function addExt(crl: pkijs.CertificateRevocationList, extnID: string, critical: boolean, value: ArrayBuffer) {
  const extensions = [...(crl.crlExtensions?.extensions ?? [])];
  extensions.push(new pkijs.Extension({ extnID, critical, extnValue: value }));
  crl.crlExtensions = new pkijs.Extensions({ extensions });
}

const idp = (o: ConstructorParameters<typeof pkijs.IssuingDistributionPoint>[0]) =>
  new pkijs.IssuingDistributionPoint(o).toSchema().toBER();

describe('embedded CRLs: issuer of each certificate', () => {
  it('the CA’s own CRL never answers for the CA; the root’s CRL revoking it does', async () => {
    const ca = pki.issue('e1-ca', pki.root, CA_EXT);
    const leaf = pki.issue('e1-leaf', ca, LEAF_EXT);
    pki.revoke(ca, pki.root);
    const caCrl = crlOf(ca);
    const rootCrl = crlOf(pki.root);
    const [l, c, r] = [parsed(leaf), parsed(ca), parsed(pki.root)];
    const only = withEmbeddedCrls(undefined, [caCrl], new Date());
    expect((await only?.check(l, c))?.status).toBe('good');
    expect((await only?.check(c, r))?.status).not.toBe('good');
    const both = withEmbeddedCrls(undefined, [caCrl, rootCrl], new Date());
    expect((await both?.check(l, c))?.status).toBe('good');
    expect((await both?.check(c, r))?.status).toBe('revoked');
  });
});

describe('embedded CRLs: partial CRLs are not complete ones', () => {
  let ca: IssuedCert;
  let leaf: ParsedCert;
  let caP: ParsedCert;
  const status = async (crl: Uint8Array) =>
    (await withEmbeddedCrls(undefined, [crl], new Date())?.check(leaf, caP))?.status;
  const empty = (c: pkijs.CertificateRevocationList) => {
    c.revokedCertificates = undefined;
  };

  beforeAll(() => {
    ca = pki.issue('e2-ca', pki.root, CA_EXT);
    const l = pki.issue('e2-leaf', ca, LEAF_EXT);
    pki.revoke(l, ca);
    [leaf, caP] = [parsed(l), parsed(ca)];
  });

  it('control: the full CRL revokes, and a re-signed one with a matching IDP is used', async () => {
    expect(await status(crlOf(ca))).toBe('revoked');
    const uri = new pkijs.GeneralName({ type: 6, value: `${pki.base}/crl/e2-ca.crl` });
    const matching = crlOf(ca, new Date(), (c) => {
      empty(c);
      addExt(c, '2.5.29.28', true, idp({ distributionPoint: [uri], onlyContainsUserCerts: true }));
    });
    expect(await status(matching)).toBe('good');
  });

  const partial: [string, (c: pkijs.CertificateRevocationList) => void][] = [
    ['onlyContainsCACerts', (c) => addExt(c, '2.5.29.28', true, idp({ onlyContainsCACerts: true }))],
    ['onlySomeReasons', (c) => addExt(c, '2.5.29.28', true, idp({ onlySomeReasons: 0x04 }))],
    ['indirectCRL', (c) => addExt(c, '2.5.29.28', true, idp({ indirectCRL: true }))],
    [
      'another distribution point',
      (c) => {
        const other = new pkijs.GeneralName({ type: 6, value: `${pki.base}/crl/partition-2.crl` });
        addExt(c, '2.5.29.28', true, idp({ distributionPoint: [other] }));
      },
    ],
    ['deltaCRLIndicator', (c) => addExt(c, '2.5.29.27', true, new asn1js.Integer({ value: 1 }).toBER())],
    ['an unknown critical extension', (c) => addExt(c, '1.2.3.4.5', true, new asn1js.Null().toBER())],
  ];
  it.each(partial)('a CRL with %s issued after the revocation does not say "good"', async (_, ext) => {
    expect(
      await status(
        crlOf(ca, new Date(), (c) => {
          empty(c);
          ext(c);
        }),
      ),
    ).not.toBe('good');
  });

  it('a CRL with an unknown critical entry extension is not used', async () => {
    const crl = crlOf(ca, new Date(), (c) => {
      const [entry] = c.revokedCertificates ?? [];
      if (!entry) throw new Error('no entry');
      entry.userCertificate = new asn1js.Integer({ value: 0x7777 });
      entry.crlEntryExtensions = new pkijs.Extensions({
        extensions: [
          new pkijs.Extension({ extnID: '1.2.3.4.6', critical: true, extnValue: new asn1js.Null().toBER() }),
        ],
      });
    });
    expect(await status(crl)).not.toBe('good');
  });
});

describe('embedded CRLs older than the signature', () => {
  let ca: IssuedCert;
  let leaf: ParsedCert;
  let caP: ParsedCert;
  let old: Uint8Array;
  const hour = 3_600_000;

  beforeAll(() => {
    ca = pki.issue('e3-ca', pki.root, CA_EXT);
    const l = pki.issue('e3-leaf', ca, LEAF_EXT);
    old = crlOf(ca, new Date(Date.now() - hour));
    pki.revoke(l, ca);
    [leaf, caP] = [parsed(l), parsed(ca)];
  });

  it('a stale "good" gives way to the fresher online revocation; with nothing fresher it stands', async () => {
    const signed = new Date();
    const online = createRevocationChecker({ offline: false, cacheDir: null });
    expect((await withEmbeddedCrls(online, [old], new Date())?.check(leaf, caP, signed))?.status).toBe(
      'revoked',
    );
    const alone = await withEmbeddedCrls(undefined, [old], new Date())?.check(leaf, caP, signed);
    expect(alone?.status).toBe('good');
    const offline = createRevocationChecker({ offline: true, cacheDir: null });
    const off = await withEmbeddedCrls(offline, [old], new Date())?.check(leaf, caP, signed);
    expect(off?.status).toBe('good');
  });

  it('a revocation on any embedded CRL wins over an older "good"', async () => {
    const checker = withEmbeddedCrls(undefined, [old, crlOf(ca)], new Date());
    expect((await checker?.check(leaf, caP, new Date(Date.now() - 2 * hour)))?.status).toBe('revoked');
  });

  it('the signer checks ask for data after the proof of existence (else now)', async () => {
    const trust = new TrustStore(await readTrustFile(pki.root.certPem));
    const online = createRevocationChecker({ offline: false, cacheDir: null });
    const revocation = withEmbeddedCrls(online, [old, crlOf(pki.root)], new Date());
    const ctx = { pool: [caP, parsed(pki.root)], trust, revocation, now: new Date() };
    // no proof of existence: the CRL, older than now, is not enough, and the responder knows the revocation
    const noPoe = await checkSignerCertificate(leaf, ['sha256'], ctx);
    expect(noPoe.chain[0]?.revocation?.status).toBe('revoked');
    // a proof of existence before the CRL: the CRL speaks for that time, the responder is not asked
    const poe = new Date(Date.now() - 2 * hour);
    const early = await checkSignerCertificate(leaf, ['sha256'], { ...ctx, poe });
    expect(early.chain[0]?.revocation?.status).toBe('good');
  });
});

describe('an older embedded CRL of a CA’s issuer', () => {
  let ca: IssuedCert;
  let leaf: ParsedCert;
  let caP: ParsedCert;
  let rootP: ParsedCert;
  let oldRoot: Uint8Array;

  beforeAll(() => {
    ca = pki.issue('e4-ca', pki.root, CA_EXT);
    const l = pki.issue('e4-leaf', ca, LEAF_EXT);
    // a genuine root CRL from before the CA's revocation (its nextUpdate still ahead), carried in the file
    oldRoot = crlOf(pki.root, new Date(Date.now() - 3_600_000));
    pki.revoke(ca, pki.root);
    [leaf, caP, rootP] = [parsed(l), parsed(ca), parsed(pki.root)];
  });

  it('never hides the revocation the root publishes now; offline it stands (known limit)', async () => {
    const online = createRevocationChecker({ offline: false, cacheDir: null });
    expect((await withEmbeddedCrls(online, [oldRoot], new Date())?.check(caP, rootP))?.status).toBe(
      'revoked',
    );
    const offline = createRevocationChecker({ offline: true, cacheDir: null });
    expect((await withEmbeddedCrls(offline, [oldRoot], new Date())?.check(caP, rootP))?.status).toBe('good');
  });

  it('the signer checks see the CA revoked', async () => {
    const trust = new TrustStore(await readTrustFile(pki.root.certPem));
    const online = createRevocationChecker({ offline: false, cacheDir: null });
    const revocation = withEmbeddedCrls(online, [oldRoot, crlOf(ca)], new Date());
    const ctx = { pool: [caP, rootP], trust, revocation, now: new Date() };
    const checks = await checkSignerCertificate(leaf, ['sha256'], ctx);
    expect(checks.chain[1]?.revocation?.status).toBe('revoked');
    expect(checks.caRevoked).toBeDefined();
  });
});
