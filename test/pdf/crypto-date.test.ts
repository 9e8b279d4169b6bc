/**
 * Crypto constraints by date under every PDF SubFilter (crypto-policy.ts, as DSS's default policy): a SHA-1
 * signature (adbe.pkcs7.detached with -md sha1, adbe.pkcs7.sha1 whose eContent is the SHA-1 of the ranges) is
 * INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE without a proof of existence, and passes the constraint with
 * a valid signature timestamp from before SHA-1's expiry (2009); SHA-256 is not a crypto failure. The PKI and
 * the timestamps are dated (2007–2040) and built here.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import type { IssuedCert } from '../support/pki';
import type { TsaPki } from '../support/tsa-server';
import { datedToken, makeDatedPki, withSignatureTimestamp } from '../verify/support/dated-pki';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { pdfWithCms } from './support/cms-pdf';

const fx = inject('fixture');
const EARLY = new Date('2008-06-01T00:00:00Z');
let dir = '';
let pki: TsaPki;
let trust: TrustStore;
let signer: IssuedCert;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(fx.root, 'pdf-crypto-date-'));
  ({ pki, signer } = makeDatedPki(join(dir, 'pki')));
  trust = new TrustStore(await readTrustFile(pki.rootPem));
});

function cms(data: Buffer, md: string, enveloping: boolean, poe?: Date): Uint8Array {
  const input = join(dir, `in-${++n}`);
  writeFileSync(input, data);
  const der = opensslCmsSign({
    input,
    out: `${input}.p7m`,
    signer,
    md,
    flags: enveloping ? ['-nodetach'] : [],
  });
  return poe ? withSignatureTimestamp(der, (value) => datedToken(pki, poe, value, 'sha256')) : der;
}

async function verdict(subFilter: string, make: (signed: Buffer) => Uint8Array) {
  const file = pdfWithCms(join(dir, `doc-${++n}.pdf`), subFilter, make);
  const r = await verifyPdf(file, { trust });
  expect(r.signatures).toHaveLength(1);
  const s = r.signatures[0]!;
  expect(s.integrity).toBe('valid');
  return s;
}

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();

describe('PDF crypto constraints by date', () => {
  it('ETSI.CAdES.detached with SHA-256: no crypto failure (revocation not checked → TRY_LATER)', async () => {
    const s = await verdict('ETSI.CAdES.detached', (b) => cms(b, 'sha256', false));
    expect([s.indication, s.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
  });

  for (const [subFilter, make] of [
    ['adbe.pkcs7.detached', (b: Buffer, poe?: Date) => cms(b, 'sha1', false, poe)],
    ['adbe.pkcs7.sha1', (b: Buffer, poe?: Date) => cms(sha1(b), 'sha256', true, poe)],
  ] as const) {
    it(`${subFilter} with SHA-1: NO_POE without a timestamp, passed by a timestamp from 2008`, async () => {
      const bare = await verdict(subFilter, (b) => make(b));
      expect([bare.indication, bare.subIndication]).toEqual([
        'INDETERMINATE',
        'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
      ]);
      const proven = await verdict(subFilter, (b) => make(b, EARLY));
      expect(proven.timestamps?.[0]?.genTime).toBe(EARLY.toISOString());
      expect([proven.indication, proven.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    });
  }
});
