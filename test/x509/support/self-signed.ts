/** A self-signed certificate (DER, 10 days) for a key made by `keyArgs` (openssl arguments writing `-out KEY`). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function selfSignedDer(dir: string, name: string, keyArgs: string[]): Uint8Array {
  const key = join(dir, `${name}.key`);
  const der = join(dir, `${name}.der`);
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run([...keyArgs, '-out', key]);
  run([
    'req',
    '-new',
    '-x509',
    '-key',
    key,
    '-subj',
    `/CN=${name}`,
    '-days',
    '10',
    '-outform',
    'DER',
    '-out',
    der,
  ]);
  return new Uint8Array(readFileSync(der));
}
