/** What the CMS layer needs from a signing key, wherever it lives (PKCS#11 token, or a file in tests/benchmarks). */
export type DigestName = 'sha256' | 'sha384' | 'sha512';

export const DIGEST_NAMES: readonly DigestName[] = ['sha256', 'sha384', 'sha512'];

export interface KeySigner {
  /** the signer certificate, DER */
  readonly certificate: Uint8Array;
  /** CA certificates available with the key (those on the token), DER; may be empty */
  readonly chain: Uint8Array[];
  readonly keyAlgorithm: 'rsa' | 'ec';
  /**
   * Hashes `data` with `digest` and signs it. Returns the CMS signature value: RSA PKCS#1 v1.5 bytes, or for EC
   * a DER ECDSA-Sig-Value (tokens return raw r||s: the implementation converts).
   */
  sign(digest: DigestName, data: Uint8Array): Promise<Uint8Array>;
}
