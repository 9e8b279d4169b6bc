/** Test helper: signatures made with `openssl cms -sign`, and the reference verdict from `openssl cms -verify`. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { IssuedCert } from '../../support/pki';

export interface SignOptions {
  input: string;
  out: string;
  signer: IssuedCert;
  /** extra certificates to embed (e.g. the CA) */
  certfile?: string;
  md?: string;
  /** more openssl cms flags: -stream, -nodetach, -nocerts, -keyopt rsa_padding_mode:pss, -noattr, ... */
  flags?: string[];
  outform?: 'DER' | 'PEM' | 'SMIME';
}

export function opensslCmsSign(o: SignOptions): Uint8Array {
  const args = [
    'cms',
    '-sign',
    '-binary',
    '-in',
    o.input,
    '-signer',
    o.signer.certPem,
    '-inkey',
    o.signer.keyPem,
  ];
  args.push('-md', o.md ?? 'sha256', '-outform', o.outform ?? 'DER', '-out', o.out);
  if (o.certfile) args.push('-certfile', o.certfile);
  args.push(...(o.flags ?? ['-nodetach']));
  execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Uint8Array(readFileSync(o.out));
}

/** true when `openssl cms -verify` accepts the signature's integrity (chain not checked). */
export function opensslIntegrityOk(file: string, content?: string, inform = 'DER'): boolean {
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-noverify',
    '-inform',
    inform,
    '-in',
    file,
    '-out',
    '/dev/null',
  ];
  if (content) args.push('-content', content);
  return spawnSync('openssl', args, { stdio: 'ignore' }).status === 0;
}
