/** Helpers for the signed-data-reader tests: openssl-made inputs, messageDigest of a SignerInfo. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { children, decodeOid, readElement, valueOf } from '../../electron/core/cms/der-parse';
import { digestNameForOid } from '../../electron/core/cms/algorithms';
import type { TestPki } from '../support/pki';

export function opensslSign(
  pki: TestPki,
  content: string,
  out: string,
  extra: string[],
  signers = [pki.signature],
): string {
  const signerArgs = signers.flatMap((s) => ['-signer', s.certPem, '-inkey', s.keyPem]);
  execFileSync('openssl', ['cms', '-sign', '-binary', '-in', content, '-out', out, ...signerArgs, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out;
}

/** Re-writes a PEM file with other line breaks or without armour. */
export function reformatPem(pem: string, out: string, opts: { eol: string; armour: boolean }): string {
  const text = readFileSync(pem, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0 && (opts.armour || !l.startsWith('-----')));
  writeFileSync(out, lines.join(opts.eol) + opts.eol);
  return out;
}

/** The digest name and messageDigest value of a SignerInfo's signed attributes (undefined when none). */
export function messageDigestOf(signerInfo: Uint8Array): { digest: string; value: string } | undefined {
  const si = readElement(signerInfo, 0);
  const fields = children(signerInfo, si);
  const digestAlg = fields[2];
  const attrs = fields.find((f) => f.tag === 0xa0);
  if (!digestAlg || !attrs) return undefined;
  const [algOid] = children(signerInfo, digestAlg);
  const digest = digestNameForOid(decodeOid(valueOf(signerInfo, algOid!)))!;
  for (const attr of children(signerInfo, attrs)) {
    const [type, values] = children(signerInfo, attr);
    if (decodeOid(valueOf(signerInfo, type!)) === '1.2.840.113549.1.9.4') {
      const [octets] = children(signerInfo, values!);
      return { digest, value: Buffer.from(valueOf(signerInfo, octets!)).toString('hex') };
    }
  }
  return undefined;
}
