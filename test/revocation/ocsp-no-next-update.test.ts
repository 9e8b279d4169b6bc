/**
 * An OCSP answer without nextUpdate (RFC 6960 §4.2.2.1: newer information is always available) is fresh only
 * for a short while after its thisUpdate, and not when issued before the best signature time: a replayed old
 * "good" never hides a revocation (DSS holds such data not fresh). The answers are made with `openssl ocsp`
 * without -ndays (no nextUpdate) and served as they are.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ocspStatus } from '../../electron/core/revocation/ocsp';
import { RevocationSource } from '../../electron/core/revocation/revocation-source';
import { certificatesFromBytes } from '../../electron/core/trust/trust-file';
import { parseCert, type ParsedCert } from '../../electron/core/x509/certificates';
import type { IssuedCert } from '../support/pki';
import { startLoopbackCa, type LoopbackCa } from './support/loopback-ca';

const fx = inject('fixture');
let ca: LoopbackCa;
let good: IssuedCert;
let server: Server;
let url = '';
let answer: Buffer = Buffer.alloc(0);
const HOUR = 3_600_000;

const run = (args: string[]) =>
  execFileSync('openssl', args, { cwd: ca.dir, stdio: ['ignore', 'pipe', 'pipe'] });

function pc(path: string): ParsedCert {
  const [der] = certificatesFromBytes(new Uint8Array(readFileSync(path)));
  const p = der && parseCert(der);
  if (!p) throw new Error(path);
  return p;
}

/** a "good" for `good` signed by the CA, thisUpdate now, no nextUpdate, no nonce */
function noNextUpdate(): Buffer {
  const req = join(ca.dir, 'nn.req');
  const resp = join(ca.dir, 'nn.resp');
  run(['ocsp', '-issuer', ca.rootPem, '-cert', good.certPem, '-no_nonce', '-reqout', req]);
  const signer = ['-rsigner', ca.rootPem, '-rkey', join(ca.dir, 'root.key.pem')];
  run([
    'ocsp',
    '-index',
    join(ca.dir, 'index.txt'),
    '-CA',
    ca.rootPem,
    ...signer,
    '-reqin',
    req,
    '-respout',
    resp,
  ]);
  return readFileSync(resp);
}

async function status(at: Date, after?: Date): Promise<string> {
  const source = new RevocationSource({ offline: false, now: () => at });
  const out = await ocspStatus(pc(good.certDer), pc(ca.rootPem), [url], source, after);
  return 'report' in out ? `${out.report.status}` : out.failure;
}

beforeAll(async () => {
  ca = await startLoopbackCa(mkdtempSync(join(fx.root, 'ocsp-no-next-')));
  good = ca.issue('good');
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocsp`;
  answer = noNextUpdate();
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await ca?.close();
});

describe('OCSP answer without nextUpdate', () => {
  it('control: a recent answer is good', async () => {
    expect(await status(new Date())).toBe('good');
    expect(await status(new Date(), new Date(Date.now() - HOUR))).toBe('good');
  });

  it('an answer older than the short maximum age is not accepted', async () => {
    expect(await status(new Date(Date.now() + 2 * HOUR))).toBe('invalid');
    expect(await status(new Date(Date.now() + 300 * 24 * HOUR))).not.toBe('good');
  });

  it('an answer issued before the best signature time is not accepted', async () => {
    expect(await status(new Date(), new Date(Date.now() + 30 * 60_000))).toBe('invalid');
  });
});
