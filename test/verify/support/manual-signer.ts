/**
 * Test helper: a SignerInfo assembled by hand (the repo's DER builders) and signed with node's crypto, for the
 * algorithms `openssl cms -sign` cannot make (Ed25519/Ed448, SHA-3 signature OIDs, PSS over SHA-3, BSI plain
 * ECDSA) or for deliberately wrong algorithm identifiers. Keys and self-signed certificates come from openssl.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { integer, octetString, oid, retag, sequence, setOf } from '../../../electron/core/cms/der';
import { issuerAndSerial } from '../../../electron/core/cms/cert-fields';
import { signedAttributes } from '../../../electron/core/cms/signed-attributes';
import { OID } from '../../../electron/core/cms/oids';
import { digestBytes, type HashName } from '../../../electron/core/cms/algorithm-oids';
import type { CmsParts } from '../../../electron/core/verify/verify-cms';

export interface TestKey {
  key: KeyObject;
  certDer: Uint8Array;
}

/** a key made by `openssl genpkey <args>` and its self-signed certificate */
export function opensslKey(dir: string, name: string, genpkeyArgs: string[]): TestKey {
  const keyPem = join(dir, `${name}.key`);
  const certDer = join(dir, `${name}.der`);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  run(['genpkey', ...genpkeyArgs, '-out', keyPem]);
  run([
    'req',
    '-x509',
    '-new',
    '-key',
    keyPem,
    '-subj',
    `/CN=${name}`,
    '-days',
    '30',
    '-outform',
    'DER',
    '-out',
    certDer,
  ]);
  return { key: createPrivateKey(readFileSync(keyPem)), certDer: new Uint8Array(readFileSync(certDer)) };
}

export interface ManualSignOptions {
  content: Uint8Array;
  /** digest of the content and of the signed attributes */
  hash: HashName;
  /** digestAlgorithm AlgorithmIdentifier (default: OID of `hash`, no parameters) */
  digestAlgorithm: Uint8Array;
  /** signatureAlgorithm AlgorithmIdentifier as written */
  signatureAlgorithm: Uint8Array;
  /** makes the signature value from the DER SET of signed attributes (or the content, without them) */
  signer: (data: Uint8Array) => Uint8Array;
  /** no signed attributes: the signature is over the content itself */
  noSignedAttributes?: boolean;
  /** a claimed signingTime attribute */
  signingTime?: Date;
}

export function manualSignerInfo(k: TestKey, o: ManualSignOptions): Uint8Array {
  const attrs = setOf(
    signedAttributes({
      contentType: OID.data,
      messageDigest: digestBytes(o.hash, o.content),
      signerCertificate: k.certDer,
      signingTime: o.signingTime,
    }),
  );
  const { issuer, serial } = issuerAndSerial(k.certDer);
  const signed = o.noSignedAttributes ? [] : [retag(attrs, 0xa0)];
  return sequence(
    integer(1),
    sequence(issuer, serial),
    o.digestAlgorithm,
    ...signed,
    o.signatureAlgorithm,
    octetString(o.signer(o.noSignedAttributes ? o.content : attrs)),
  );
}

/** an AlgorithmIdentifier with an optional parameters element */
export const algId = (dotted: string, params?: Uint8Array): Uint8Array =>
  params ? sequence(oid(dotted), params) : sequence(oid(dotted));

/** node's crypto.sign with the given algorithm name (null for EdDSA) and options */
export const nodeSigner =
  (k: TestKey, alg: string | null, opts: Record<string, unknown> = {}) =>
  (data: Uint8Array): Uint8Array =>
    new Uint8Array(sign(alg, data, { key: k.key, ...opts } as never));

/** the CmsParts of one SignerInfo over `content` */
export function partsOf(k: TestKey, si: Uint8Array, content: Uint8Array): CmsParts {
  return {
    eContentType: OID.data,
    certificates: [k.certDer],
    signerInfos: [si],
    contentDigest: (h) => digestBytes(h, content),
  };
}
