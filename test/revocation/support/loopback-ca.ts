/**
 * Test helper: a small CA made with openssl whose certificates point their AIA OCSP and CRL distribution point
 * at a loopback HTTP server run by the test. OCSP answers come from `openssl ocsp -reqin/-respout` over the CA
 * index; the CRL from `openssl ca -gencrl`. Each service can be switched off (HTTP 503).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { opensslCaConfig } from '../../support/openssl-ca-config';
import type { IssuedCert } from '../../support/pki';

const run = promisify(execFile);

export interface LoopbackCa {
  dir: string;
  rootPem: string;
  baseUrl: string;
  ocspUp: boolean;
  crlUp: boolean;
  /**
   * who signs OCSP answers: the CA, a delegated responder (id-kp-OCSPSigning, CRL at the CA's), one that also
   * carries an unknown critical extension, one the CA's CRL lists as revoked, one with id-pkix-ocsp-nocheck (no
   * CRL distribution point), one with neither nocheck nor a CRL distribution point, one whose certificate the CA
   * signed with SHA-1, or a key the CA never certified
   */
  ocspSigner:
    | 'ca'
    | 'delegated'
    | 'delegated-sha1'
    | 'delegated-critical'
    | 'delegated-revoked'
    | 'delegated-nocheck'
    | 'delegated-no-cdp'
    | 'rogue';
  /** the digest the CRL (at its next publishCrl) and the OCSP answers are signed with: sha256 unless set */
  md: string;
  /** number of requests seen per path */
  hits: Record<string, number>;
  issue(name: string): IssuedCert;
  revoke(cert: IssuedCert): void;
  /** regenerates the CRL from the index */
  publishCrl(): void;
  close(): Promise<void>;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

function config(dir: string, base: string): string {
  return opensslCaConfig({
    dir,
    name: 'loop',
    newCertsDir: dir,
    settings: { crlnumber: `${dir}/crlnumber`, default_days: '365', default_crl_days: '7' },
    policy: { commonName: 'supplied', serialNumber: 'optional' },
    sections: {
      v3_signer: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,nonRepudiation',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid:always',
        `authorityInfoAccess = OCSP;URI:${base}/ocsp`,
        `crlDistributionPoints = URI:${base}/ca.crl`,
      ],
      v3_ocsp: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature',
        'extendedKeyUsage = OCSPSigning',
        `crlDistributionPoints = URI:${base}/ca.crl`,
      ],
      v3_ocsp_nocheck: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature',
        'extendedKeyUsage = OCSPSigning',
        'noCheck = ignored',
      ],
      v3_ocsp_no_cdp: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature',
        'extendedKeyUsage = OCSPSigning',
      ],
      v3_ocsp_critical: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature',
        'extendedKeyUsage = OCSPSigning',
        '1.3.6.1.4.1.99999.7.9 = critical,ASN1:NULL',
      ],
    },
  });
}

export async function startLoopbackCa(dir: string): Promise<LoopbackCa> {
  mkdirSync(dir, { recursive: true });
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '2000\n');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  const conf = join(dir, 'ca.cnf');
  writeFileSync(conf, config(dir, base));
  const newKey = (name: string): string => {
    const key = join(dir, `${name}.key.pem`);
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], dir);
    return key;
  };
  /** a self-signed certificate (the CA, or a look-alike of it) */
  const selfSigned = (name: string, ext: string[]): IssuedCert => {
    const keyPem = newKey(name);
    const certPem = join(dir, `${name}.pem`);
    const args = ['-config', conf, ...ext, '-key', keyPem, '-subj', '/CN=Loopback Test CA', '-days', '30'];
    openssl(['req', '-new', '-x509', ...args, '-out', certPem], dir);
    return { name, keyPem, certPem, certDer: '' };
  };
  const root = selfSigned('root', ['-extensions', 'v3_root']);
  const rootPem = root.certPem;
  const rootKey = root.keyPem;
  /** a certificate issued by the CA with the given extensions section */
  const issued = (name: string, subject: string, ext: string, md = 'sha256'): IssuedCert => {
    const keyPem = newKey(name);
    const csr = join(dir, `${name}.csr`);
    const certPem = join(dir, `${name}.pem`);
    const certDer = join(dir, `${name}.der`);
    openssl(['req', '-new', '-config', conf, '-key', keyPem, '-subj', subject, '-out', csr], dir);
    const caArgs = ['-config', conf, '-cert', rootPem, '-keyfile', rootKey, '-extensions', ext, '-md', md];
    openssl(['ca', '-batch', '-notext', ...caArgs, '-in', csr, '-out', certPem], dir);
    openssl(['x509', '-in', certPem, '-outform', 'DER', '-out', certDer], dir);
    return { name, keyPem, certPem, certDer };
  };
  const crlDer = join(dir, 'ca.crl');
  const ca: LoopbackCa = {
    dir,
    rootPem,
    baseUrl: base,
    ocspUp: true,
    crlUp: true,
    ocspSigner: 'ca',
    md: 'sha256',
    hits: {},
    issue: (name) => issued(name, `/CN=${name}/serialNumber=TINIT-RSSMRA80A01H501U`, 'v3_signer'),
    revoke(cert) {
      const args = ['-config', conf, '-cert', rootPem, '-keyfile', rootKey];
      openssl(['ca', ...args, '-revoke', cert.certPem, '-crl_reason', 'keyCompromise'], dir);
    },
    publishCrl() {
      const pem = join(dir, 'ca.crl.pem');
      const args = ['-config', conf, '-cert', rootPem, '-keyfile', rootKey, '-md', ca.md, '-out', pem];
      openssl(['ca', '-gencrl', ...args], dir);
      openssl(['crl', '-in', pem, '-outform', 'DER', '-out', crlDer], dir);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const responder = issued('responder', '/CN=Loopback OCSP', 'v3_ocsp');
  const critical = issued('responder-critical', '/CN=Loopback OCSP critical', 'v3_ocsp_critical');
  const revokedResponder = issued('responder-revoked', '/CN=Loopback OCSP revoked', 'v3_ocsp');
  const nocheck = issued('responder-nocheck', '/CN=Loopback OCSP nocheck', 'v3_ocsp_nocheck');
  const noCdp = issued('responder-no-cdp', '/CN=Loopback OCSP no CDP', 'v3_ocsp_no_cdp');
  const sha1 = issued('responder-sha1', '/CN=Loopback OCSP SHA-1', 'v3_ocsp_nocheck', 'sha1');
  ca.revoke(revokedResponder);
  ca.publishCrl();
  const rogue = selfSigned('rogue', []);
  const signers = {
    ca: [rootPem, rootKey],
    delegated: [responder.certPem, responder.keyPem],
    'delegated-critical': [critical.certPem, critical.keyPem],
    'delegated-revoked': [revokedResponder.certPem, revokedResponder.keyPem],
    'delegated-nocheck': [nocheck.certPem, nocheck.keyPem],
    'delegated-no-cdp': [noCdp.certPem, noCdp.keyPem],
    'delegated-sha1': [sha1.certPem, sha1.keyPem],
    rogue: [rogue.certPem, rogue.keyPem],
  } as const;
  let seq = 0;
  const ocspAnswer = async (request: Buffer): Promise<Buffer> => {
    const reqFile = join(dir, `ocsp-${++seq}.req`);
    const respFile = `${reqFile}.resp`;
    writeFileSync(reqFile, request);
    const [rsigner, rkey] = signers[ca.ocspSigner];
    const index = join(dir, 'index.txt');
    const args = ['-index', index, '-CA', rootPem, '-rsigner', rsigner, '-rkey', rkey, '-ndays', '1'];
    args.push('-rmd', ca.md);
    await run('openssl', ['ocsp', ...args, '-reqin', reqFile, '-respout', respFile]);
    return readFileSync(respFile);
  };
  server.on('request', (req, res) => {
    const path = req.url ?? '';
    ca.hits[path] = (ca.hits[path] ?? 0) + 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (path === '/ca.crl' && ca.crlUp) {
          res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(readFileSync(crlDer));
        } else if (path === '/ocsp' && ca.ocspUp && req.method === 'POST') {
          const answer = await ocspAnswer(Buffer.concat(chunks));
          res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(answer);
        } else {
          res.writeHead(503).end();
        }
      })().catch(() => res.writeHead(500).end());
    });
  });
  return ca;
}
