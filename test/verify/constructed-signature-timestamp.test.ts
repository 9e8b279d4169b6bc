/**
 * The signature OCTET STRING of a SignerInfo in BER constructed form (segments, as BER allows and readSignerInfo
 * reads): its signature timestamp covers the octets, whatever their encoding. It was dropped without a word
 * (the timestamp check looked for a primitive OCTET STRING only), so a signer revoked after the timestamp lost
 * its proof of existence; the signing side (adding a timestamp or a counter-signature) read it the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { bytesOf, children, readElement } from '../../electron/core/cms/der-parse';
import { sequence, tlv } from '../../electron/core/cms/der';
import { signatureValueOf } from '../../electron/core/cms/unsigned-attributes';
import type { TsaPki } from '../support/tsa-server';
import type { IssuedCert } from '../support/pki';
import {
  datedLeaf,
  datedToken,
  makeDatedPki,
  withFirstSignerInfo,
  withRevocationValues,
  withSignatureTimestamp,
} from './support/dated-pki';

const fx = inject('fixture');
const DAY = 24 * 3600e3;
let pki: TsaPki;
let leaf: IssuedCert;
let dir = '';
let primitive = '';
let constructed = '';

const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const ca = () => ['-config', pki.config, '-keyfile', join(dir, 'root.key.pem'), '-cert', pki.rootPem];

/** the SignerInfo with its signature OCTET STRING split into a constructed one of two segments (BER) */
function constructedSignature(si: Uint8Array): Uint8Array {
  const fields = children(si, readElement(si, 0)).map((e) => {
    if (e.tag !== 0x04) return bytesOf(si, e);
    const v = si.subarray(e.valueStart, e.valueEnd);
    return tlv(0x24, tlv(0x04, v.subarray(0, 100)), tlv(0x04, v.subarray(100)));
  });
  return sequence(...fields);
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'constructed-signature-'));
  ({ pki } = makeDatedPki(dir));
  leaf = datedLeaf(pki, 'revoked-later', {
    start: new Date(Date.now() - 100 * DAY),
    end: new Date(Date.now() + 300 * DAY),
  });
  const doc = join(dir, 'contratto.txt');
  writeFileSync(doc, 'Contratto: pagare 1000 EUR\n');
  const p7m = `${doc}.p7m`;
  const key = ['-signer', leaf.certPem, '-inkey', leaf.keyPem, '-outform', 'DER', '-out', p7m];
  openssl(['cms', '-sign', '-binary', '-nodetach', '-cades', '-md', 'sha256', '-in', doc, ...key]);
  // timestamped a minute ago, revoked now: the timestamp is the proof of existence before the revocation
  openssl(['ca', '-revoke', leaf.certPem, ...ca(), '-crl_reason', 'keyCompromise']);
  openssl(['ca', '-gencrl', ...ca(), '-crldays', '30', '-out', 'root.crl.pem']);
  openssl(['crl', '-in', 'root.crl.pem', '-outform', 'DER', '-out', 'root.crl']);
  const crl = new Uint8Array(readFileSync(join(dir, 'root.crl')));
  const genTime = new Date(Date.now() - 60_000);
  const stamped = withSignatureTimestamp(new Uint8Array(readFileSync(p7m)), (sv) =>
    withRevocationValues(datedToken(pki, genTime, sv, 'sha256'), [crl]),
  );
  const der = withRevocationValues(stamped, [crl]);
  primitive = join(dir, 'primitive.p7m');
  writeFileSync(primitive, der);
  constructed = join(dir, 'constructed.p7m');
  writeFileSync(constructed, withFirstSignerInfo(der, constructedSignature));
}, 60_000);

async function verify(file: string) {
  const trust = new TrustStore(await readTrustFile(pki.rootPem));
  const revocation = createRevocationChecker({ offline: true, cacheDir: null });
  return (await verifyFile(file, { trust, revocation })).signatures[0]!;
}

describe('a signature timestamp over a constructed signature OCTET STRING', () => {
  it('control: primitive, the timestamp proves the signature before the revocation', async () => {
    const s = await verify(primitive);
    expect(s.revocation?.status).toBe('revoked');
    expect(s.timestamps?.map((t) => t.indication)).toEqual(['TOTAL_PASSED']);
    expect(s.indication).toBe('TOTAL_PASSED');
  });

  it('constructed: the same timestamp, the same verdict', async () => {
    openssl([
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      constructed,
      '-CAfile',
      pki.rootPem,
      '-purpose',
      'any',
    ]);
    const s = await verify(constructed);
    expect(s.integrity).toBe('valid');
    expect(s.timestamps?.map((t) => t.indication)).toEqual(['TOTAL_PASSED']);
    expect(s.indication).toBe('TOTAL_PASSED');
  });

  it('the signing side reads the same octets (what a new timestamp or counter-signature covers)', () => {
    const si = (f: string) => {
      const b = new Uint8Array(readFileSync(f));
      let e = readElement(b, 0);
      e = children(b, children(b, e)[1]!)[0]!; // SignedData
      const set = children(b, e).at(-1)!;
      return bytesOf(b, children(b, set)[0]!);
    };
    const octets = signatureValueOf(si(constructed));
    expect(octets.length).toBeGreaterThan(100);
    expect(Buffer.from(octets).equals(Buffer.from(signatureValueOf(si(primitive))))).toBe(true);
  });
});
