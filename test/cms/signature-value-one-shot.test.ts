/**
 * RSA PKCS#1 v1.5 over signed attributes first tries OpenSSL's one-shot verify (issue 22: cheaper in a batch than
 * publicDecrypt + digest + DigestInfo parse). Its `true` must be one the DigestInfo path gives too, and anything
 * else must fall back to that path, so the answer is the same: here, over the data, the answer equals the
 * DigestInfo path's (reached by giving only the digest) on valid, foreign-hash, NULL-less, padded, truncated,
 * leading-zero and garbage signatures.
 */
import {
  constants,
  createHash,
  generateKeyPairSync,
  privateEncrypt,
  sign,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignatureValue } from '../../electron/core/cms/signature-value';
import { digestBytes, type HashName } from '../../electron/core/cms/algorithm-oids';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

const PREFIX: Record<string, string> = {
  sha1: '3021300906052b0e03021a05000414',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
};

/** a PKCS#1 v1.5 block made by hand: `digestInfo` as given (possibly malformed) */
const rawSign = (key: KeyObject, digestInfo: Buffer): Buffer =>
  privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo);

const digestInfo = (h: string, data: Buffer, extra = ''): Buffer =>
  Buffer.concat([Buffer.from((PREFIX[h] as string) + extra, 'hex'), createHash(h).update(data).digest()]);

/** the answer over the data (one-shot first) and the DigestInfo path's (digest only, no data) */
function both(signature: Uint8Array, data: Buffer, hash: HashName, key = publicKey) {
  const base = { publicKey: key, scheme: 'rsa-pkcs1' as const, hash, signature };
  return {
    withData: verifySignatureValue({ ...base, data }),
    digestPath: verifySignatureValue({ ...base, digest: (h) => digestBytes(h, data) }),
  };
}

const data = Buffer.from('31820100' + 'ab'.repeat(300), 'hex');

describe('RSA PKCS#1 v1.5: one-shot verify and the DigestInfo path agree', () => {
  it.each(['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256'] as HashName[])(
    'a valid %s signature: true both ways',
    (h) => {
      const r = both(sign(h, data, privateKey), data, h);
      expect(r).toEqual({ withData: true, digestPath: true });
    },
  );

  it('a DigestInfo without the NULL parameter (OpenSSL refuses it): accepted through the fallback', () => {
    const noNull = Buffer.concat([
      Buffer.from('302f300b0609608648016503040201' + '0420', 'hex'),
      createHash('sha256').update(data).digest(),
    ]);
    const r = both(rawSign(privateKey, noNull), data, 'sha256');
    expect(r).toEqual({ withData: true, digestPath: true });
  });

  it('refusals agree: other data, other hash, other key, garbage inside or after the DigestInfo', () => {
    // data whose signature's first byte is not 0: cut by one byte it is another number (one key in 256 made a
    // signature starting with 0, whose cut form is the same number — the next test's case, not a refusal)
    let d0 = data;
    let good = sign('sha256', d0, privateKey);
    for (let n = 0; good[0] === 0; n++) {
      d0 = Buffer.concat([data, Buffer.of(n)]);
      good = sign('sha256', d0, privateKey);
    }
    expect(both(good, d0, 'sha256')).toEqual({ withData: true, digestPath: true });
    const cases: [Uint8Array, Buffer, HashName, KeyObject?][] = [
      [good, Buffer.concat([d0, Buffer.of(0)]), 'sha256'],
      [good, d0, 'sha384'],
      [sign('sha1', d0, privateKey), d0, 'sha256'],
      [good, d0, 'sha256', other.publicKey],
      [rawSign(privateKey, Buffer.concat([digestInfo('sha256', d0), Buffer.of(0)])), d0, 'sha256'],
      [rawSign(privateKey, Buffer.concat([Buffer.of(0), digestInfo('sha256', d0)])), d0, 'sha256'],
      [rawSign(privateKey, createHash('sha256').update(d0).digest()), d0, 'sha256'],
      [Buffer.alloc(256, 0xff), d0, 'sha256'],
      [Buffer.alloc(0), d0, 'sha256'],
      [Buffer.concat([Buffer.of(0), good]), d0, 'sha256'],
      [good.subarray(1), d0, 'sha256'],
    ];
    for (const [sig, d, h, key] of cases) {
      const r = both(sig, d, h, key);
      expect(r.withData).toBe(r.digestPath);
      expect(r.withData).not.toBe(true);
    }
  });

  it('a signature with a leading zero byte, also given without it: the same answer both ways', () => {
    let found: { sig: Buffer; d: Buffer } | undefined;
    for (let n = 0; n < 20_000 && !found; n++) {
      const d = Buffer.concat([data, Buffer.from(String(n))]);
      const sig = sign('sha256', d, privateKey);
      if (sig[0] === 0) found = { sig, d };
    }
    expect(found).toBeDefined();
    const { sig, d } = found as { sig: Buffer; d: Buffer };
    expect(both(sig, d, 'sha256')).toEqual({ withData: true, digestPath: true });
    const short = both(sig.subarray(1), d, 'sha256');
    expect(short.withData).toBe(short.digestPath);
  });
});
