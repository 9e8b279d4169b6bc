/**
 * Shared setup of the timestamp / LTV tests: an attached p7m made by openssl (independent of our signer), and the
 * loopback services of the extension tests (TSA + CA with CRL over HTTP + a trust file holding both roots).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const pki = makeTsaPki(join(dir, 'tsa'));
  const tsa = await startTsaServer({ pki });
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
