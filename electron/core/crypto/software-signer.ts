/**
 * A KeySigner over a private key held in a PEM file (tests, benchmarks, and anyone signing without a token).
 * RSA signs PKCS#1 v1.5; ECDSA returns a DER ECDSA-Sig-Value (node:crypto's default encoding).
 */
import { createPrivateKey, sign as cryptoSign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { failure } from '../errors';
import type { DigestName, KeySigner } from './key-signer';

export interface SoftwareSignerOptions {
  /** PEM private key file (PKCS#8 or traditional) */
  keyPem: string;
  /** PEM certificate file of the signer */
  certPem: string;
  /** PEM files with CA certificates (each may hold several) */
  chainPems?: string[];
  /** passphrase of an encrypted key */
  passphrase?: string;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text, as DER. */
export function pemCertificatesToDer(pem: string): Uint8Array[] {
  return (pem.match(PEM_CERT) ?? []).map((block) => new Uint8Array(new X509Certificate(block).raw));
}

function readPemFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw failure('KEY_FILE_UNREADABLE', { path });
  }
}

export class SoftwareSigner implements KeySigner {
  readonly certificate: Uint8Array;
  readonly chain: Uint8Array[];
  readonly keyAlgorithm: 'rsa' | 'ec';
  readonly #key: KeyObject;

  constructor(opts: SoftwareSignerOptions) {
    const certs = pemCertificatesToDer(readPemFile(opts.certPem));
    const first = certs[0];
    if (!first) {
      throw failure('NOT_A_CERTIFICATE', { path: opts.certPem });
    }
    this.certificate = first;
    this.chain = (opts.chainPems ?? []).flatMap((p) => pemCertificatesToDer(readPemFile(p)));
    this.#key = createPrivateKey({ key: readPemFile(opts.keyPem), passphrase: opts.passphrase });
    const type = this.#key.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') {
      throw failure('UNSUPPORTED_KEY', { type: String(type) });
    }
    this.keyAlgorithm = type;
  }

  async sign(digest: DigestName, data: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(cryptoSign(digest, data, this.#key));
  }
}
