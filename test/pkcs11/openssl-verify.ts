/** Checks a signature made by a token with openssl, independently of Sigillo. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** true when `openssl dgst -<digest> -verify <cert's public key> -signature sig data` says "Verified OK". */
export function opensslVerifies(
  certPem: string,
  digest: string,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'sigillo-verify-'));
  try {
    const pub = join(dir, 'pub.pem');
    writeFileSync(pub, execFileSync('openssl', ['x509', '-in', certPem, '-pubkey', '-noout']));
    writeFileSync(join(dir, 'data'), data);
    writeFileSync(join(dir, 'sig'), signature);
    const r = execFileSync(
      'openssl',
      ['dgst', `-${digest}`, '-verify', pub, '-signature', join(dir, 'sig'), join(dir, 'data')],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return r.includes('Verified OK');
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `openssl asn1parse` of DER bytes, as text. */
export function asn1parse(der: Uint8Array): string {
  return execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der, encoding: 'utf8' });
}
