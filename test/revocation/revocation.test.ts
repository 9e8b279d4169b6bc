import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { setLang } from '../../electron/core/i18n/translate';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { certificatesFromBytes, readTrustFile } from '../../electron/core/trust/trust-file';
import { cmsPartsInMemory } from '../verify/support/cms-in-memory';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import type { IssuedCert } from '../support/pki';
import { startLoopbackCa, type LoopbackCa } from './support/loopback-ca';

const fx = inject('fixture');
let ca: LoopbackCa;
let dir = '';
let good: IssuedCert;
let revoked: IssuedCert;
let root: ParsedCert;
let trust: TrustStore;
let signedBeforeRevocation: Uint8Array;
let signedAfterRevocation: Uint8Array;

function pc(path: string): ParsedCert {
  const [der] = certificatesFromBytes(new Uint8Array(readFileSync(path)));
  const p = der && parseCert(der);
  if (!p) throw new Error(path);
  return p;
}

function sign(signer: IssuedCert, name: string): Uint8Array {
  const input = join(dir, 'doc.txt');
  return opensslCmsSign({ input, out: join(dir, name), signer });
}

beforeAll(async () => {
  setLang('en');
  dir = mkdtempSync(join(fx.root, 'revocation-'));
  writeFileSync(join(dir, 'doc.txt'), 'contratto\n');
  ca = await startLoopbackCa(join(dir, 'ca'));
  good = ca.issue('good');
  revoked = ca.issue('revoked');
  signedBeforeRevocation = sign(revoked, 'before.p7m');
  await new Promise((r) => setTimeout(r, 1100));
  ca.revoke(revoked);
  ca.publishCrl();
  await new Promise((r) => setTimeout(r, 1100));
  signedAfterRevocation = sign(revoked, 'after.p7m');
  root = pc(ca.rootPem);
  trust = new TrustStore(await readTrustFile(ca.rootPem));
});

afterAll(async () => {
  await ca?.close();
});

function checker(offline = false, cacheDir: string | null = mkdtempSync(join(dir, 'cache-'))) {
  return createRevocationChecker({
    offline,
    cacheDir,
    fetch: { connectTimeoutMs: 2000, totalTimeoutMs: 5000 },
  });
}

describe('revocation over loopback OCSP and CRL', () => {
  it('a good certificate is good by OCSP, and the signature passes', async () => {
    ca.ocspUp = true;
    const r = await checker().check(pc(good.certDer), root);
    expect(r).toMatchObject({ status: 'good', source: 'ocsp', cached: false });
    expect(r.url).toBe(`${ca.baseUrl}/ocsp`);
    const [s] = await verifyCmsSignatures(cmsPartsInMemory(sign(good, 'good.p7m')), {
      trust,
      revocation: checker(),
    });
    expect(s?.indication).toBe('TOTAL_PASSED');
    expect(s?.revocation?.status).toBe('good');
  });

  it('a revoked certificate is found by OCSP with its time and reason', async () => {
    ca.ocspUp = true;
    const r = await checker().check(pc(revoked.certDer), root);
    expect(r).toMatchObject({ status: 'revoked', source: 'ocsp', revocationReason: 'keyCompromise' });
    expect(r.revocationTime).not.toBeNull();
  });

  it('with OCSP down, the revoked certificate is found by the CRL', async () => {
    ca.ocspUp = false;
    try {
      const r = await checker().check(pc(revoked.certDer), root);
      expect(r).toMatchObject({ status: 'revoked', source: 'crl', url: `${ca.baseUrl}/ca.crl` });
      expect(r.revocationReason).toBe('keyCompromise');
      const g = await checker().check(pc(good.certDer), root);
      expect(g).toMatchObject({ status: 'good', source: 'crl' });
    } finally {
      ca.ocspUp = true;
    }
  });

  it('signed after the revocation → TOTAL_FAILED/REVOKED; before → INDETERMINATE/REVOKED_NO_POE', async () => {
    const c = checker();
    const [after] = await verifyCmsSignatures(cmsPartsInMemory(signedAfterRevocation), {
      trust,
      revocation: c,
    });
    expect(after?.integrity).toBe('valid');
    expect(after?.indication).toBe('TOTAL_FAILED');
    expect(after?.subIndication).toBe('REVOKED');
    const [before] = await verifyCmsSignatures(cmsPartsInMemory(signedBeforeRevocation), {
      trust,
      revocation: c,
    });
    expect(before?.indication).toBe('INDETERMINATE');
    expect(before?.subIndication).toBe('REVOKED_NO_POE');
  });

  it('offline never touches the network: TRY_LATER with an empty cache, the cached answer once fetched', async () => {
    const cacheDir = mkdtempSync(join(dir, 'cache-'));
    const before = JSON.stringify(ca.hits);
    const r = await checker(true, cacheDir).check(pc(good.certDer), root);
    expect(r.status).toBe('unknown');
    expect(JSON.stringify(ca.hits)).toBe(before);
    const [s] = await verifyCmsSignatures(cmsPartsInMemory(sign(good, 'good2.p7m')), {
      trust,
      revocation: checker(true, cacheDir),
    });
    expect(s?.subIndication).toBe('TRY_LATER');
    await checker(false, cacheDir).check(pc(good.certDer), root);
    const hits = JSON.stringify(ca.hits);
    const cached = await checker(true, cacheDir).check(pc(good.certDer), root);
    expect(cached).toMatchObject({ status: 'good', cached: true });
    expect(JSON.stringify(ca.hits)).toBe(hits);
  });

  it('both services down → unknown (TRY_LATER)', async () => {
    ca.ocspUp = false;
    ca.crlUp = false;
    try {
      const r = await checker().check(pc(good.certDer), root);
      expect(r.status).toBe('unknown');
      expect(r.message).toBeTruthy();
    } finally {
      ca.ocspUp = true;
      ca.crlUp = true;
    }
  });

  it('a CRL signed by someone else is not accepted', async () => {
    ca.ocspUp = false;
    try {
      const other = pc(fx.pki.ca.certDer);
      const r = await checker().check(pc(revoked.certDer), other);
      expect(r.status).toBe('unknown');
    } finally {
      ca.ocspUp = true;
    }
  });

  it('a delegated OCSP responder (id-kp-OCSPSigning, issued by the CA) is accepted', async () => {
    ca.ocspSigner = 'delegated';
    try {
      const r = await checker().check(pc(revoked.certDer), root);
      expect(r).toMatchObject({ status: 'revoked', source: 'ocsp' });
    } finally {
      ca.ocspSigner = 'ca';
    }
  });

  it('a delegated responder with id-pkix-ocsp-nocheck needs no revocation check of its own', async () => {
    ca.ocspSigner = 'delegated-nocheck';
    ca.crlUp = false;
    try {
      const r = await checker().check(pc(good.certDer), root);
      expect(r).toMatchObject({ status: 'good', source: 'ocsp' });
    } finally {
      ca.ocspSigner = 'ca';
      ca.crlUp = true;
    }
  });

  it.each([
    ['a key the CA never certified', 'rogue'],
    ['a delegated responder with an unknown critical extension', 'delegated-critical'],
    // RFC 6960 §4.2.2.2.1: without ocsp-nocheck the responder's own revocation is checked (by its CRL)
    ['a delegated responder the CA has revoked', 'delegated-revoked'],
    ['a delegated responder whose revocation cannot be checked', 'delegated-no-cdp'],
    // DSS applies its crypto constraints to revocation data: SHA-1 expired in 2009
    ['a delegated responder whose certificate the CA signed with SHA-1', 'delegated-sha1'],
  ] as const)('an OCSP answer signed by %s is rejected; the CRL answers instead', async (_what, signer) => {
    ca.ocspSigner = signer;
    try {
      const r = await checker().check(pc(revoked.certDer), root);
      expect(r).toMatchObject({ status: 'revoked', source: 'crl' });
      ca.crlUp = false;
      const none = await checker().check(pc(good.certDer), root);
      expect(none.status).toBe('unknown');
      expect(none.message).toBe('The OCSP/CRL answers received are not valid.');
    } finally {
      ca.ocspSigner = 'ca';
      ca.crlUp = true;
    }
  });

  it('an OCSP answer or a CRL signed with SHA-1 is no evidence (crypto constraints, as DSS)', async () => {
    ca.md = 'sha1';
    ca.publishCrl();
    try {
      const r = await checker().check(pc(revoked.certDer), root);
      expect(r.status).toBe('unknown');
      expect(r.message).toBe('The OCSP/CRL answers received are not valid.');
      ca.ocspUp = false;
      expect((await checker().check(pc(revoked.certDer), root)).status).toBe('unknown');
    } finally {
      ca.md = 'sha256';
      ca.ocspUp = true;
      ca.publishCrl();
    }
    // the same CA with SHA-256 answers again, by both services
    expect(await checker().check(pc(revoked.certDer), root)).toMatchObject({
      status: 'revoked',
      source: 'ocsp',
    });
    ca.ocspUp = false;
    try {
      const r = await checker().check(pc(revoked.certDer), root);
      expect(r).toMatchObject({ status: 'revoked', source: 'crl' });
    } finally {
      ca.ocspUp = true;
    }
  });

  it('each CRL is fetched once for a batch', async () => {
    ca.ocspUp = false;
    try {
      const c = checker();
      const before = ca.hits['/ca.crl'] ?? 0;
      await Promise.all([c.check(pc(good.certDer), root), c.check(pc(revoked.certDer), root)]);
      expect((ca.hits['/ca.crl'] ?? 0) - before).toBe(1);
    } finally {
      ca.ocspUp = true;
    }
  });
});
