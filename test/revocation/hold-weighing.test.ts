/**
 * A suspension (certificateHold) is weighed, not obeyed: a revocation known to any source wins over a hold, a
 * hold and the "good" answers are weighed by date, and a hold dated after the proof of existence says nothing of
 * the signature (as a revocation then). A CRL whose tbsCertList holds anything after its optional revoked list
 * and extensions is refused: a second list after an empty one was pkijs's revokedCertificates while the entry
 * walk read the empty one. CRLs built here (DER) and signed with the loopback CA's root key.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { sign } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withEmbeddedCrls } from '../../electron/core/verify/embedded-validation';
import { splitCrl } from '../../electron/core/revocation/crl-entries';
import { checkSignerCertificate } from '../../electron/core/verify/signer-checks';
import type { RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import type { RevocationReport } from '../../electron/core/revocation/revocation-report';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { certificatesFromBytes, readTrustFile } from '../../electron/core/trust/trust-file';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import { concat, integer, NULL_VALUE, oid, sequence, time, tlv } from '../../electron/core/cms/der';
import type { IssuedCert } from '../support/pki';
import { startLoopbackCa, type LoopbackCa } from './support/loopback-ca';
import { bigCrl } from './support/big-crl';

const fx = inject('fixture');
let ca: LoopbackCa;
let rootCa: IssuedCert;
let leaf: IssuedCert;
let root: ParsedCert;
let signer: ParsedCert;

function pc(path: string): ParsedCert {
  const [der] = certificatesFromBytes(new Uint8Array(readFileSync(path)));
  const p = der && parseCert(der);
  if (!p) throw new Error(path);
  return p;
}

const DAY = 86_400_000;

/** a CRL of the root listing the leaf with `reason`, revoked at `date`, issued at `thisUpdate` */
const crlListing = (reason: number, date: Date, thisUpdate: Date): Uint8Array =>
  bigCrl(rootCa, 0, [{ at: 0, entry: { serial: leaf.certDer, date, reason } }], thisUpdate);

beforeAll(async () => {
  const dir = mkdtempSync(join(fx.root, 'hold-weigh-'));
  ca = await startLoopbackCa(join(dir, 'ca'));
  rootCa = { name: 'root', certPem: ca.rootPem, keyPem: join(ca.dir, 'root.key.pem'), certDer: '' };
  leaf = ca.issue('held');
  root = pc(ca.rootPem);
  signer = pc(leaf.certPem);
});

afterAll(async () => {
  await ca?.close();
});

describe('a suspension among the revocation answers', () => {
  it('an older hold CRL placed before a keyCompromise CRL: the revocation wins, whatever the order', async () => {
    const now = new Date();
    const hold = crlListing(6, new Date(now.getTime() - 5 * DAY), new Date(now.getTime() - 4 * DAY));
    const kc = crlListing(1, new Date(now.getTime() - 2 * DAY), new Date(now.getTime() - 60_000));
    for (const crls of [
      [hold, kc],
      [kc, hold],
    ]) {
      const r = await withEmbeddedCrls(undefined, crls, now)!.check(signer, root);
      expect([r.status, r.revocationReason]).toEqual(['revoked', 'keyCompromise']);
    }
  });

  it('an online revocation beats a hold carried in the file', async () => {
    const now = new Date();
    const hold = crlListing(6, new Date(now.getTime() - 5 * DAY), new Date(now.getTime() - 4 * DAY));
    const online: RevocationChecker = {
      check: async () =>
        ({
          status: 'revoked',
          revocationReason: 'keyCompromise',
          revocationTime: new Date(now.getTime() - 2 * DAY).toISOString(),
          thisUpdate: new Date(now.getTime() - 60_000).toISOString(),
          source: 'crl',
          url: 'http://127.0.0.1/ca.crl',
        }) as unknown as RevocationReport,
    };
    const r = await withEmbeddedCrls(online, [hold], now)!.check(signer, root);
    expect(r.revocationReason).toBe('keyCompromise');
  });

  it('a hold dated after the proof of existence does not hold the signature up; one before it does', async () => {
    const now = new Date();
    const heldAt = new Date(now.getTime() - 60_000);
    const crl = crlListing(6, heldAt, new Date(now.getTime() - 30_000));
    const trust = new TrustStore(await readTrustFile(ca.rootPem));
    const ctx = (poe?: Date) => ({
      pool: [root],
      trust,
      revocation: withEmbeddedCrls(undefined, [crl], now),
      now,
      poe,
    });
    const before = await checkSignerCertificate(signer, ['sha256'], ctx(new Date(heldAt.getTime() - 30_000)));
    expect(before.onHold).toBe(false);
    expect(before.revocationUnknown).toBe(false);
    const after = await checkSignerCertificate(signer, ['sha256'], ctx(undefined));
    expect(after.onHold).toBe(true);
  });
});

describe('the fields of a tbsCertList', () => {
  it('an empty revoked list followed by a second list: refused, not read as "nobody revoked"', () => {
    const now = new Date();
    const sha256Rsa = sequence(oid('1.2.840.113549.1.1.11'), NULL_VALUE);
    const entry = sequence(integer(0x1004n), time(now));
    const tbs = sequence(
      integer(1),
      sha256Rsa,
      sequence(),
      time(now),
      time(new Date(now.getTime() + DAY)),
      sequence(),
      sequence(entry),
    );
    const sig = sign('sha256', tbs, readFileSync(rootCa.keyPem));
    const crl = sequence(tbs, sha256Rsa, tlv(0x03, concat([Uint8Array.of(0), sig])));
    expect(() => splitCrl(crl)).toThrow(RangeError);
    // the well-formed shapes still read: with and without the list, with and without extensions
    expect(splitCrl(crlListing(1, now, now)).entries).toBeDefined();
  });
});
