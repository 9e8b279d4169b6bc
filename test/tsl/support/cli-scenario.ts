/**
 * Test helper for the trusted-list CLI tests: a LOTL and member-state lists signed with test keys, served on
 * loopback; a p7m signed by the fixture PKI's signature certificate; a CRL of the fixture CA put in the
 * revocation cache of a data folder (the fixture's CRL URL is not served), so `verify --offline` can pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RevocationCache } from '../../../electron/core/revocation/disk-cache';
import type { TestPki } from '../../support/pki';
import { opensslCmsSign } from '../../verify/support/openssl-cms';
import { CA_QC, type PointerSpec, type StatusSpec, type TslSpec } from './tsl-xml';

const DAY = 24 * 3600e3;

export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY);
}

/** A member-state list with one CA/QC service for `caDer` and the given status history (newest first). */
export function memberList(
  territory: string,
  sequence: number,
  caDer: Uint8Array,
  history: StatusSpec[],
  next = daysFromNow(180),
): TslSpec {
  return {
    territory,
    sequence,
    issue: daysFromNow(-1),
    next,
    tsps: [
      {
        name: `Camera di Commercio di Test (${territory})`,
        services: [{ name: 'Sigillo Test Qualified CA', certificates: [caDer], history }],
      },
    ],
  };
}

/** A LOTL issued yesterday pointing to `pointers`; `schemeUris` lists its pivots (newest first). */
export function lotlList(
  sequence: number,
  pointers: PointerSpec[],
  o: { next?: Date; schemeUris?: string[] } = {},
): TslSpec {
  const { next = daysFromNow(180), schemeUris } = o;
  return { territory: 'EU', sequence, lotl: true, issue: daysFromNow(-1), next, schemeUris, pointers };
}

export const GRANTED_FOR_ESIG: StatusSpec = {
  status: 'granted',
  start: daysFromNow(-730),
  type: CA_QC,
  asi: ['ForeSignatures'],
  qualifiers: ['QCWithSSCD', 'QCStatement'],
};

/** A p7m of a small text signed with openssl by the fixture's signature certificate, the CA embedded. */
export function signedP7m(dir: string, pki: TestPki): string {
  const input = join(dir, 'contratto.txt');
  writeFileSync(input, 'Contratto di prova firmato con la CNS\n');
  const out = `${input}.p7m`;
  opensslCmsSign({ input, out, signer: pki.signature, certfile: pki.caPem });
  return out;
}

/** A CRL of the fixture CA (nobody revoked), made in a private copy of its openssl ca setup. */
export function fixtureCrl(dir: string, pki: TestPki): Uint8Array {
  const crlDir = join(dir, 'crl');
  mkdirSync(crlDir, { recursive: true });
  writeFileSync(join(crlDir, 'index.txt'), '');
  const conf = readFileSync(join(pki.dir, 'ca.cnf'), 'utf8').split(pki.dir).join(crlDir);
  writeFileSync(join(crlDir, 'ca.cnf'), conf);
  const pem = join(crlDir, 'crl.pem');
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: crlDir, stdio: ['ignore', 'pipe', 'pipe'] });
  run([
    'ca',
    '-gencrl',
    '-config',
    join(crlDir, 'ca.cnf'),
    '-cert',
    pki.ca.certPem,
    '-keyfile',
    pki.ca.keyPem,
    '-crldays',
    '7',
    '-out',
    pem,
  ]);
  return new Uint8Array(run(['crl', '-in', pem, '-outform', 'DER']));
}

/** Puts the fixture CA's CRL in the revocation cache of `dataDir`. */
export async function seedRevocationCache(dataDir: string, pki: TestPki, crl: Uint8Array): Promise<void> {
  await new RevocationCache(join(dataDir, 'revocation-cache')).put(`crl:${pki.crlUrl}`, crl, daysFromNow(7));
}
