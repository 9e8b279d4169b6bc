/** Helpers for signing tests: file hashes, signer certificates out of openssl, DER comparisons. */
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
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

/** `openssl x509 -noout -fingerprint -sha256` or `-serial` of a PEM certificate: the value after '='. */
export function opensslX509(pem: string, what: '-fingerprint' | '-serial'): string {
  const out = execFileSync('openssl', ['x509', '-in', pem, '-noout', what, '-sha256'], { encoding: 'utf8' });
  return out.trim().split('=')[1] ?? '';
}
