/**
 * Shared setup of the timestamp / LTV tests: an attached p7m made by openssl (independent of our signer), and the
 * loopback services of the extension tests (TSA + CA with CRL over HTTP + a trust file holding both roots).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLoopbackCa, type LoopbackCa } from '../../revocation/support/loopback-ca';
import type { IssuedCert } from '../../support/pki';
import { makeTsaPki, startTsaServer, type TestTsa, type TsaPki } from '../../support/tsa-server';

/** `openssl cms -sign -binary -nodetach -outform DER`: `${doc}.p7m`, signed by `by` (plus `certfile` if given). */
export function opensslP7m(doc: string, by: { certPem: string; keyPem: string }, certfile?: string): string {
  const out = `${doc}.p7m`;
  const args = ['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', doc, '-out', out];
  args.push('-signer', by.certPem, '-inkey', by.keyPem);
  if (certfile) args.push('-certfile', certfile);
  execFileSync('openssl', args);
  return out;
}

export interface TsaHome {
  dir: string;
  pki: TsaPki;
  tsa: TestTsa;
}

/** The loopback TSA, with its PKI in a new temp folder named `prefix…`. */
async function startTsa(prefix: string): Promise<TsaHome> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const pki = makeTsaPki(join(dir, 'tsa'));
  return { dir, pki, tsa: await startTsaServer({ pki }) };
}

/** For a test file: the loopback TSA started before its tests, stopped (and its folder removed) after. */
export function useTsa(prefix: string): TsaHome & { fresh(name: string): string } {
  const live = {
    /** a sub-folder of dir, created if missing */
    fresh(name: string): string {
      const d = join(live.dir, name);
      mkdirSync(d, { recursive: true });
      return d;
    },
  } as TsaHome & { fresh(name: string): string };
  beforeAll(async () => {
    Object.assign(live, await startTsa(prefix));
  });
  afterAll(async () => {
    await live.tsa.close();
    rmSync(live.dir, { recursive: true, force: true });
  });
  return live;
}

export interface TsaAndCa {
  dir: string;
  pki: TsaPki;
  tsa: TestTsa;
  ca: LoopbackCa;
  /** a signer certificate issued by the loopback CA */
  signer: IssuedCert;
  /** PEM file with the TSA root and the CA root */
  trust: string;
  /** a fresh HOME, so no revocation cache from another test is used */
  env(): { HOME: string };
  close(): Promise<void>;
}

/** Starts the loopback TSA and CA in a new temp folder named `prefix…`, and issues `signerName` from the CA. */
export async function startTsaAndCa(prefix: string, signerName: string): Promise<TsaAndCa> {
  const { dir, pki, tsa } = await startTsa(prefix);
  const ca = await startLoopbackCa(join(dir, 'ca'));
  const signer = ca.issue(signerName);
  const trust = join(dir, 'trust.pem');
  writeFileSync(trust, readFileSync(pki.rootPem, 'utf8') + readFileSync(ca.rootPem, 'utf8'));
  return {
    dir,
    pki,
    tsa,
    ca,
    signer,
    trust,
    env: () => ({ HOME: mkdtempSync(join(dir, 'home-')) }),
    close: async () => {
      await tsa.close();
      await ca.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: starts the services before its tests and stops them after. The returned object is filled in
 * by beforeAll, so read its fields inside hooks and tests only.
 */
export function useTsaAndCa(prefix: string, signerName: string): TsaAndCa {
  const live = {} as TsaAndCa;
  beforeAll(async () => {
    Object.assign(live, await startTsaAndCa(prefix, signerName));
  });
  afterAll(() => live.close());
  return live;
}
