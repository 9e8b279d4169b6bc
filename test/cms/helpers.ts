/** Shared helpers for CMS tests: software signers over the fixture PKI, openssl checks. */
import { execFileSync, spawnSync } from 'node:child_process';
import { SoftwareSigner } from '../../electron/core/crypto/software-signer';
import type { IssuedCert, TestPki } from '../support/pki';

export function softwareSigner(pki: TestPki, cert: IssuedCert = pki.signature): SoftwareSigner {
  return new SoftwareSigner({ keyPem: cert.keyPem, certPem: cert.certPem, chainPems: [pki.caPem] });
}

export interface OpensslVerify {
  ok: boolean;
  stderr: string;
}

/** `openssl cms -verify -binary` of a DER or PEM/base64 file; writes the content and the signer certs. */
export function opensslVerify(
  file: string,
  chainPem: string,
  opts: { out?: string; signers?: string; inform?: 'DER' | 'PEM'; content?: string } = {},
): OpensslVerify {
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-CAfile',
    chainPem,
    '-in',
    file,
    '-inform',
    opts.inform ?? 'DER',
  ];
  args.push('-out', opts.out ?? '/dev/null');
  if (opts.signers) args.push('-signer', opts.signers);
  if (opts.content) args.push('-content', opts.content);
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { ok: r.status === 0, stderr: r.stderr };
}

/** `openssl cms -cmsout -print` text of a DER file. */
export function cmsPrint(file: string): string {
  return execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** `openssl asn1parse` must accept the file as strict DER structure (no indefinite lengths). */
export function asn1Parse(file: string): string {
  return execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
