/**
 * SoftHSM2 tokens made per test run in a temporary folder (SOFTHSM2_CONF), with keys and certificates imported
 * like on a CNS: "CNS0" authentication key pair + certificate, "CNS1" signature key pair + certificate, the CA
 * certificate without a key.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert } from './pki';

export const SOFTHSM_MODULE_CANDIDATES = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
  '/opt/homebrew/lib/softhsm/libsofthsm2.so',
];

export function softhsmModule(): string {
  const found = SOFTHSM_MODULE_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('SoftHSM2 is not installed (Debian package softhsm2).');
  return found;
}

export interface TokenObject {
  cert: IssuedCert;
  id: string; // hex
  label: string;
  withKey: boolean;
}

export interface TokenSpec {
  label: string;
  pin: string;
  soPin: string;
  objects: TokenObject[];
}

/** Creates the folder and config file for a SoftHSM2 store; returns the SOFTHSM2_CONF path. */
export function makeSofthsmStore(dir: string): string {
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { recursive: true });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  return conf;
}

export function addToken(conf: string, spec: TokenSpec): void {
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  run('softhsm2-util', [
    '--init-token',
    '--free',
    '--label',
    spec.label,
    '--pin',
    spec.pin,
    '--so-pin',
    spec.soPin,
  ]);
  for (const o of spec.objects) {
    if (o.withKey) {
      run('softhsm2-util', [
        '--import',
        o.cert.keyPem,
        '--token',
        spec.label,
        '--label',
        o.label,
        '--id',
        o.id,
        '--pin',
        spec.pin,
      ]);
    }
    run('pkcs11-tool', [
      '--module',
      softhsmModule(),
      '--token-label',
      spec.label,
      '--login',
      '--pin',
      spec.pin,
      '--write-object',
      o.cert.certDer,
      '--type',
      'cert',
      '--id',
      o.id,
      '--label',
      o.label,
    ]);
  }
}
