/**
 * Loopback revocation services for a CNS-shaped test PKI (pki.ts), as a real CA publishes them: the qualified
 * CA's CRL (/ca.crl), the root's CRL for the CA certificate (/root.crl) and an OCSP responder (/ocsp) answering
 * from the PKI's openssl index, signed by the CA. The server starts first (its URLs go into the certificates);
 * `serve(pki)` then hands it the PKI. Used by `npm run demo` and the tests, so a fresh demo signature verifies.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestPki } from './pki';
import { readBody } from './http-body';

const run = promisify(execFile);

export interface PkiRevocationServer {
  urls: { crlUrl: string; caCrlUrl: string; ocspUrl: string };
  /** starts answering for this PKI (its CRLs are made now, valid 7 days) */
  serve(pki: TestPki): void;
  close(): Promise<void>;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A DER CRL of `issuer` over the PKI's index (nobody revoked unless `openssl ca -revoke` was run). */
function makeCrl(pki: TestPki, issuer: 'ca' | 'root'): Buffer {
  const cert = issuer === 'ca' ? pki.ca : pki.root;
  const pem = join(pki.dir, `${issuer}.crl.pem`);
  const der = join(pki.dir, `${issuer}.crl`);
  const conf = join(pki.dir, 'ca.cnf');
  const keys = ['-cert', cert.certPem, '-keyfile', cert.keyPem];
  openssl(['ca', '-gencrl', '-config', conf, ...keys, '-crldays', '7', '-out', pem], pki.dir);
  openssl(['crl', '-in', pem, '-outform', 'DER', '-out', der], pki.dir);
  return readFileSync(der);
}

export async function startPkiRevocationServer(): Promise<PkiRevocationServer> {
  let pki: TestPki | undefined;
  const crls: Record<string, Buffer> = {};
  let seq = 0;
  const ocsp = async (request: Buffer): Promise<Buffer> => {
    if (!pki) throw new Error('no PKI yet');
    const reqFile = join(pki.dir, `ocsp-${++seq}.req`);
    writeFileSync(reqFile, request);
    const signer = ['-CA', pki.caPem, '-rsigner', pki.ca.certPem, '-rkey', pki.ca.keyPem];
    const index = ['-index', join(pki.dir, 'index.txt'), '-ndays', '1'];
    await run('openssl', ['ocsp', ...index, ...signer, '-reqin', reqFile, '-respout', `${reqFile}.resp`]);
    return readFileSync(`${reqFile}.resp`);
  };
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const path = (req.url ?? '').split('?')[0];
        const crl = path ? crls[path] : undefined;
        if (req.method === 'GET' && crl) {
          res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(crl);
        } else if (req.method === 'POST' && path === '/ocsp') {
          const answer = await ocsp(await readBody(req));
          res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(answer);
        } else res.writeHead(404).end();
      } catch {
        res.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: { crlUrl: `${base}/ca.crl`, caCrlUrl: `${base}/root.crl`, ocspUrl: `${base}/ocsp` },
    serve(p) {
      pki = p;
      crls['/ca.crl'] = makeCrl(p, 'ca');
      crls['/root.crl'] = makeCrl(p, 'root');
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
