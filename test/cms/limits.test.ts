/**
 * Issue 19 caps: hostile SignedData files (made here from one openssl p7m: too many signers, certificates, CRLs,
 * unsigned attributes, counter-signatures, too deep counter-signature chains, p7m levels or BER nesting, lengths
 * beyond the end) make `sigillo verify --json --offline` exit 1 with the cap's own error code, within 10 s and
 * 300 MB RSS, with a small report; files just under the caps verify normally.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMS_LIMITS } from '../../electron/core/cms/limits';
import { oid, sequence, tlv } from '../../electron/core/cms/der';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import {
  counterChain,
  counterSignatureAttr,
  deepIndefinite,
  joinSignedData,
  splitSignedData,
  withUnsigned,
  wrapIn,
  type SignedDataParts,
} from './support/hostile-cms';
import { measuredVerify, type MeasuredRun } from './support/measured-cli';

const fx = inject('fixture');
let dir = '';
let der: Uint8Array;
let parts: SignedDataParts;
let si: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'limits-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  der = opensslCmsSign({
    input,
    out: join(dir, 'base.p7m'),
    signer: fx.pki.signature,
    certfile: fx.pki.caPem,
  });
  parts = splitSignedData(der);
  si = parts.signerInfos[0]!;
});

function verify(name: string, bytes: Uint8Array): MeasuredRun {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return measuredVerify(file);
}

/** exit 1 with `code`, quickly, in bounded memory, with a small report */
function expectRefused(r: MeasuredRun, code: string): void {
  expect(r.code).toBe(code);
  expect(r.status).toBe(1);
  expect(r.ms).toBeLessThan(10_000);
  expect(r.rssMb).toBeLessThan(300);
  expect(r.stdout.length).toBeLessThan(64 * 1024);
}

const many = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const attr = (i: number) => sequence(oid(`1.3.6.1.4.1.99999.${i}`), tlv(0x31, Uint8Array.of(0x05, 0)));

describe('CMS caps (issue 19)', () => {
  it('signers: 25 verify; more than the cap (and a 2 MB file of them) → CMS_TOO_MANY_SIGNERS', () => {
    const ok = verify('25-signers.p7m', joinSignedData({ ...parts, signerInfos: many(25, si) }));
    expect(ok.code).toBeUndefined();
    expect((JSON.parse(ok.stdout) as { signatures: unknown[] }[])[0]?.signatures).toHaveLength(25);
    expectRefused(
      verify('signers.p7m', joinSignedData({ ...parts, signerInfos: many(CMS_LIMITS.signers + 1, si) })),
      'CMS_TOO_MANY_SIGNERS',
    );
    expectRefused(
      verify('signers-2mb.p7m', joinSignedData({ ...parts, signerInfos: many(5000, si) })),
      'CMS_TOO_MANY_SIGNERS',
    );
  });

  it('certificates and CRLs past their caps → CMS_TOO_MANY_CERTIFICATES / CMS_TOO_MANY_CRLS', () => {
    const cert = parts.certificates[0]!;
    expectRefused(
      verify(
        'certs.p7m',
        joinSignedData({ ...parts, certificates: many(CMS_LIMITS.certificates + 1, cert) }),
      ),
      'CMS_TOO_MANY_CERTIFICATES',
    );
    expectRefused(
      verify('crls.p7m', joinSignedData({ ...parts, crls: many(CMS_LIMITS.crls + 1, cert) })),
      'CMS_TOO_MANY_CRLS',
    );
  });

  it('unsigned attribute values past the total cap (each could be a token to check) → CMS_TOO_MANY_ATTRIBUTES', () => {
    const per = CMS_LIMITS.attributeValues;
    const count = Math.ceil((CMS_LIMITS.unsignedValues + 1) / per);
    const attrs = Array.from({ length: count }, (_, i) =>
      sequence(oid(`1.3.6.1.4.1.99999.${i}`), tlv(0x31, ...many(per, Uint8Array.of(0x05, 0)))),
    );
    expect(count * per).toBeGreaterThan(CMS_LIMITS.unsignedValues);
    expectRefused(
      verify('values.p7m', joinSignedData({ ...parts, signerInfos: [withUnsigned(si, attrs)] })),
      'CMS_TOO_MANY_ATTRIBUTES',
    );
  });

  it('unsigned attributes past the cap → CMS_TOO_MANY_ATTRIBUTES', () => {
    const attrs = Array.from({ length: CMS_LIMITS.attributes + 1 }, (_, i) => attr(i));
    expectRefused(
      verify('attrs.p7m', joinSignedData({ ...parts, signerInfos: [withUnsigned(si, attrs)] })),
      'CMS_TOO_MANY_ATTRIBUTES',
    );
  });

  it('counter-signatures: many side by side (2 MB) → CMS_TOO_MANY_COUNTER_SIGNATURES', () => {
    const wide = withUnsigned(si, [counterSignatureAttr(...many(1500, si))]);
    expectRefused(
      verify('wide.p7m', joinSignedData({ ...parts, signerInfos: [wide] })),
      'CMS_TOO_MANY_COUNTER_SIGNATURES',
    );
  });

  it('a counter-signature chain at the depth cap verifies; one level more → CMS_COUNTER_SIGNATURES_TOO_DEEP', () => {
    const depth = CMS_LIMITS.counterSignatureDepth;
    const ok = verify('chain-ok.p7m', joinSignedData({ ...parts, signerInfos: [counterChain(si, depth)] }));
    expect(ok.code).toBeUndefined();
    type S = { counterSignatures: S[] };
    let s = (JSON.parse(ok.stdout) as { signatures: S[] }[])[0]!.signatures[0]!;
    let levels = 0;
    while (s.counterSignatures[0]) {
      s = s.counterSignatures[0];
      levels++;
    }
    expect(levels).toBe(depth);
    expectRefused(
      verify('chain.p7m', joinSignedData({ ...parts, signerInfos: [counterChain(si, depth + 1)] })),
      'CMS_COUNTER_SIGNATURES_TOO_DEEP',
    );
    expectRefused(
      verify('chain-deep.p7m', joinSignedData({ ...parts, signerInfos: [counterChain(si, 1000)] })),
      'CMS_COUNTER_SIGNATURES_TOO_DEEP',
    );
  });

  it('p7m levels: as many as the cap verify; one more → TOO_MANY_LEVELS, reported, never cut silently', () => {
    const nest = (levels: number) => {
      let b = der;
      for (let i = 1; i < levels; i++) b = wrapIn(parts, b);
      return b;
    };
    const ok = verify('levels-ok.p7m', nest(CMS_LIMITS.levels));
    expect(ok.code).toBeUndefined();
    expect((JSON.parse(ok.stdout) as { signatures: unknown[] }[])[0]?.signatures).toHaveLength(
      CMS_LIMITS.levels,
    );
    expectRefused(verify('levels.p7m', nest(CMS_LIMITS.levels + 1)), 'TOO_MANY_LEVELS');
  });

  it('BER indefinite lengths nested past the cap → CMS_NESTING_TOO_DEEP', () => {
    const bytes = joinSignedData({ ...parts, rawCertificates: deepIndefinite(100_000) });
    expectRefused(verify('ber-deep.p7m', bytes), 'CMS_NESTING_TOO_DEEP');
  });

  it('a declared length beyond the end of the input → TRUNCATED with the byte offset', () => {
    const bytes = Buffer.from(joinSignedData({ ...parts, certificates: [] }));
    const r = verify('beyond.p7m', bytes.subarray(0, bytes.length - 40));
    expectRefused(r, 'TRUNCATED');
    expect(r.message).toMatch(/byte \d+/);
  });
});
