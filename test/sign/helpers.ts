/** Helpers for signing tests: file hashes, signer certificates out of openssl, DER comparisons. */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const fileSha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/** The certificates in a PEM file (as written by `openssl cms -verify -signer`), as DER hex. */
export function pemCertsHex(path: string): string[] {
  const blocks = readFileSync(path, 'utf8').match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  return (blocks ?? []).map((b) => Buffer.from(new X509Certificate(b).raw).toString('hex'));
}

export const derHex = (path: string): string => readFileSync(path).toString('hex');
