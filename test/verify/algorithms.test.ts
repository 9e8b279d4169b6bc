/**
 * The signature algorithms DSS accepts, each built here (keys by openssl, SignerInfo by hand, signed by node's
 * crypto): RSA with the SHA-3 OIDs, RSASSA-PSS over SHA-3 with MGF1, brainpool ECDSA, BSI plain ECDSA (r‖s),
 * Ed25519 (SHA-512) and Ed448 (SHAKE256, with and without the length parameter). A signatureAlgorithm that is
 * unknown or does not fit the key makes the signature invalid instead of being guessed from the key.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { constants } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { contextConstructed, integer, sequence } from '../../electron/core/cms/der';
import { OID_BY_HASH, type HashName } from '../../electron/core/cms/algorithm-oids';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import {
  algId,
  manualSignerInfo,
  nodeSigner,
  opensslKey,
  partsOf,
  type TestKey,
} from './support/manual-signer';

const fx = inject('fixture');
const content = new TextEncoder().encode('documento firmato\n');
const tampered = new TextEncoder().encode('documento firmatO\n');
let dir = '';
let rsa: TestKey;
let p256: TestKey;
const brainpool: Record<string, TestKey> = {};
let ed25519: TestKey;
let ed448: TestKey;

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'algorithms-'));
  rsa = opensslKey(dir, 'rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  p256 = opensslKey(dir, 'p256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
  for (const c of ['brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1'])
    brainpool[c] = opensslKey(dir, c, ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${c}`]);
  ed25519 = opensslKey(dir, 'ed25519', ['-algorithm', 'ed25519']);
  ed448 = opensslKey(dir, 'ed448', ['-algorithm', 'ed448']);
});

async function verdict(
  k: TestKey,
  o: {
    hash: HashName;
    noSignedAttributes?: boolean;
    digestAlgorithm?: Uint8Array;
    signatureAlgorithm: Uint8Array;
    signer: (d: Uint8Array) => Uint8Array;
  },
  over = content,
) {
  const si = manualSignerInfo(k, {
    content,
    digestAlgorithm: o.digestAlgorithm ?? algId(OID_BY_HASH[o.hash]),
    ...o,
  });
  const [s] = await verifyCmsSignatures(partsOf(k, si, over), { trust: new TrustStore([]) });
  return s!;
}

const SHA3_RSA: [HashName, string][] = [
  ['sha3-224', '2.16.840.1.101.3.4.3.13'],
  ['sha3-256', '2.16.840.1.101.3.4.3.14'],
  ['sha3-384', '2.16.840.1.101.3.4.3.15'],
  ['sha3-512', '2.16.840.1.101.3.4.3.16'],
];

/** RSASSA-PSS-params with hash `h`, MGF1 over `mgf`, salt length `salt` */
function pssParams(h: HashName, mgf: HashName, salt: number): Uint8Array {
  return sequence(
    contextConstructed(0, algId(OID_BY_HASH[h])),
    contextConstructed(1, algId('1.2.840.113549.1.1.8', algId(OID_BY_HASH[mgf]))),
    contextConstructed(2, integer(salt)),
  );
}

describe('signature algorithms DSS accepts', () => {
  it.each(SHA3_RSA)(
    'RSA PKCS#1 v1.5 with %s (its own signature OID): valid, and invalid on other content',
    async (h, o) => {
      const opts = { hash: h, signatureAlgorithm: algId(o), signer: nodeSigner(rsa, h) };
      const s = await verdict(rsa, opts);
      expect(s.integrity).toBe('valid');
      expect(s.signatureAlgorithm).toMatch(/^RSA SHA3-/);
      expect((await verdict(rsa, opts, tampered)).integrity).toBe('invalid');
    },
  );

  it('RSASSA-PSS over SHA3-256 with MGF1-SHA3-256: valid; the same value declared with MGF1-SHA-256: invalid', async () => {
    const signer = nodeSigner(rsa, 'sha3-256', { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const good = await verdict(rsa, {
      hash: 'sha3-256',
      signatureAlgorithm: algId('1.2.840.113549.1.1.10', pssParams('sha3-256', 'sha3-256', 32)),
      signer,
    });
    expect(good.integrity).toBe('valid');
    const wrongMgf = await verdict(rsa, {
      hash: 'sha3-256',
      signatureAlgorithm: algId('1.2.840.113549.1.1.10', pssParams('sha3-256', 'sha256', 32)),
      signer,
    });
    expect(wrongMgf.integrity).toBe('invalid');
  });

  it.each([
    ['brainpoolP256r1', 'sha256', '1.2.840.10045.4.3.2'],
    ['brainpoolP384r1', 'sha384', '1.2.840.10045.4.3.3'],
    ['brainpoolP512r1', 'sha512', '1.2.840.10045.4.3.4'],
  ] as const)('ECDSA on %s: valid, and invalid on other content', async (curve, h, o) => {
    const k = brainpool[curve]!;
    const opts = { hash: h, signatureAlgorithm: algId(o), signer: nodeSigner(k, h) };
    expect((await verdict(k, opts)).integrity).toBe('valid');
    expect((await verdict(k, opts, tampered)).integrity).toBe('invalid');
  });

  it.each(['brainpoolP256r1', 'brainpoolP512r1'])(
    'ECDSA on %s without signed attributes (checked from the content digest alone)',
    async (curve) => {
      const k = brainpool[curve]!;
      const opts = {
        hash: 'sha256' as const,
        noSignedAttributes: true,
        signatureAlgorithm: algId('1.2.840.10045.4.3.2'),
        signer: nodeSigner(k, 'sha256'),
      };
      expect((await verdict(k, opts)).integrity).toBe('valid');
      expect((await verdict(k, opts, tampered)).integrity).toBe('invalid');
    },
  );

  it('BSI plain ECDSA (r‖s): valid under its OID, invalid when the plain value is declared as X9.62 DER', async () => {
    for (const [k, h, arc] of [
      [p256, 'sha256', 3],
      [brainpool.brainpoolP384r1!, 'sha3-384', 10],
    ] as const) {
      const signer = nodeSigner(k, h, { dsaEncoding: 'ieee-p1363' });
      const plain = await verdict(k, {
        hash: h,
        signatureAlgorithm: algId(`0.4.0.127.0.7.1.1.4.1.${arc}`),
        signer,
      });
      expect(plain.integrity).toBe('valid');
      const asDer = await verdict(k, { hash: h, signatureAlgorithm: algId('1.2.840.10045.4.3.2'), signer });
      expect(asDer.integrity).toBe('invalid');
    }
  });

  it('Ed25519 (RFC 8419, SHA-512): valid, and invalid on other content', async () => {
    const opts = {
      hash: 'sha512' as const,
      signatureAlgorithm: algId('1.3.101.112'),
      signer: nodeSigner(ed25519, null),
    };
    const s = await verdict(ed25519, opts);
    expect(s.integrity).toBe('valid');
    expect(s.signatureAlgorithm).toBe('Ed25519');
    expect((await verdict(ed25519, opts, tampered)).integrity).toBe('invalid');
  });

  it('Ed448 with SHAKE256: id-shake256 and id-shake256-len(512) valid, id-shake256-len(256) not', async () => {
    const base = {
      hash: 'shake256' as const,
      signatureAlgorithm: algId('1.3.101.113'),
      signer: nodeSigner(ed448, null),
    };
    expect((await verdict(ed448, base)).integrity).toBe('valid');
    const len = (bits: number) => algId('2.16.840.1.101.3.4.2.18', integer(bits));
    expect((await verdict(ed448, { ...base, digestAlgorithm: len(512) })).integrity).toBe('valid');
    expect((await verdict(ed448, { ...base, digestAlgorithm: len(256) })).integrity).toBe('invalid');
    expect((await verdict(ed448, base, tampered)).integrity).toBe('invalid');
  });
});

describe('signature algorithms that do not fit are not guessed', () => {
  it('a curve OID (prime256v1) as signatureAlgorithm over a good RSA signature: invalid', async () => {
    const s = await verdict(rsa, {
      hash: 'sha256',
      signatureAlgorithm: algId('1.2.840.10045.3.1.7'),
      signer: nodeSigner(rsa, 'sha256'),
    });
    expect(s.integrity).toBe('invalid');
    expect(s.subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect(s.messages.join(' ')).toMatch(/1\.2\.840\.10045\.3\.1\.7/);
  });

  it('an algorithm for another key type (ecdsa-with-SHA256 on an RSA key, rsaEncryption on Ed25519): invalid', async () => {
    const onRsa = await verdict(rsa, {
      hash: 'sha256',
      signatureAlgorithm: algId('1.2.840.10045.4.3.2'),
      signer: nodeSigner(rsa, 'sha256'),
    });
    expect(onRsa.integrity).toBe('invalid');
    const onEd = await verdict(ed25519, {
      hash: 'sha512',
      signatureAlgorithm: algId('1.2.840.113549.1.1.1'),
      signer: nodeSigner(ed25519, null),
    });
    expect(onEd.integrity).toBe('invalid');
  });

  it('sha256WithRSAEncryption whose DigestInfo carries SHA-1: invalid', async () => {
    const s = await verdict(rsa, {
      hash: 'sha256',
      signatureAlgorithm: algId('1.2.840.113549.1.1.11'),
      signer: nodeSigner(rsa, 'sha1'),
    });
    expect(s.integrity).toBe('invalid');
  });

  it('a signature-algorithm OID as digestAlgorithm (sha256WithRSAEncryption) names its hash', async () => {
    const s = await verdict(rsa, {
      hash: 'sha256',
      digestAlgorithm: algId('1.2.840.113549.1.1.11'),
      signatureAlgorithm: algId('1.2.840.113549.1.1.11'),
      signer: nodeSigner(rsa, 'sha256'),
    });
    expect(s.integrity).toBe('valid');
    expect(s.digestAlgorithm).toBe('SHA-256');
  });
});
