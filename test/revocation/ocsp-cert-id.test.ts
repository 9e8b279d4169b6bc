/**
 * The CertID of an OCSP answer (RFC 6960 §4.1.1): serial, issuerNameHash and issuerKeyHash, both hashes made with
 * the CertID's own hashAlgorithm. An answer about the same serial and key under another issuer name is not an
 * answer about this certificate; an answer hashed with SHA-256 is one. The answers are made with `openssl ocsp`
 * and served as they are (the request sent by the checker is not looked at).
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

const run = (args: string[]) =>
  execFileSync('openssl', args, { cwd: ca.dir, stdio: ['ignore', 'pipe', 'pipe'] });

function pc(path: string): ParsedCert {
  const [der] = certificatesFromBytes(new Uint8Array(readFileSync(path)));
  const p = der && parseCert(der);
  if (!p) throw new Error(path);
  return p;
}

/** an answer for `good` signed by the CA, its CertID made from `issuerPem` with `hash` */
function answerFor(name: string, issuerPem: string, hash: string): Buffer {
  const req = join(ca.dir, `${name}.req`);
  const resp = join(ca.dir, `${name}.resp`);
  // -serial, not -cert: the name hashed is then the issuer certificate's subject, not the one `good` names
  const serial = `0x${pc(good.certDer).x509.serialNumber}`;
  run(['ocsp', `-${hash}`, '-issuer', issuerPem, '-serial', serial, '-no_nonce', '-reqout', req]);
  const index = join(ca.dir, 'index.txt');
  const signer = ['-rsigner', ca.rootPem, '-rkey', join(ca.dir, 'root.key.pem')];
  run(['ocsp', '-index', index, '-CA', issuerPem, ...signer, '-ndays', '1', '-reqin', req, '-respout', resp]);
  return readFileSync(resp);
}

async function status(): Promise<string> {
  const source = new RevocationSource({ offline: false, now: () => new Date() });
  const out = await ocspStatus(pc(good.certDer), pc(ca.rootPem), [url], source);
  return 'report' in out ? `${out.report.status}` : out.failure;
}

beforeAll(async () => {
  ca = await startLoopbackCa(mkdtempSync(join(fx.root, 'ocsp-cert-id-')));
  good = ca.issue('good');
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocsp`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await ca?.close();
});

describe('OCSP CertID matching', () => {
  it('an answer about the same serial and key under another issuer name is refused', async () => {
    answer = answerFor('sha1', ca.rootPem, 'sha1');
    expect(await status()).toBe('good');
    // another name on the CA's key: the CA signs, the serial and the key hash match, the name hash does not
    const other = join(ca.dir, 'other-name.pem');
    const key = join(ca.dir, 'root.key.pem');
    run(['req', '-new', '-x509', '-key', key, '-subj', '/CN=Another Name', '-days', '5', '-out', other]);
    answer = answerFor('other-name', other, 'sha1');
    expect(await status()).toBe('invalid');
  });

  it('a CertID hashed with SHA-256 is matched with SHA-256', async () => {
    answer = answerFor('sha256', ca.rootPem, 'sha256');
    expect(await status()).toBe('good');
  });
});
