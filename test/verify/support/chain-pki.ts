/**
 * Test helper: certification paths of any shape made with openssl (P-256 keys), every certificate pointing its
 * CRL distribution point and AIA caIssuers at a loopback HTTP server: `/crl/<issuer>.crl` (an empty CRL signed by
 * the issuer, whatever it is) and `/cert/<issuer>.der` (the issuer certificate). Services can be switched off.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { IssuedCert } from '../../support/pki';

export interface ChainPki {
  dir: string;
  base: string;
  root: IssuedCert;
  crlUp: boolean;
  aiaUp: boolean;
  /** paths answered 503 (e.g. one issuer's CRL) */
  down: Set<string>;
  hits: Record<string, number>;
  /**
   * a certificate issued by `issuer` with the given extension lines (CDP, AIA and key ids are added); subject
   * CN=`name` unless `o.cn`, a new key unless `o.keyPem` (cross-certificates: same name and key, other issuer)
   */
  issue(name: string, issuer: IssuedCert, ext: string[], o?: IssueOptions): IssuedCert;
  /** puts `cert` on the CRL of `issuer` (keyCompromise) */
  revoke(cert: IssuedCert, issuer: IssuedCert): void;
  close(): Promise<void>;
}

export interface IssueOptions {
  cn?: string;
  keyPem?: string;
  /** the whole subject, openssl form (/O=…/CN=…) */
  subject?: string;
  /** more extension-file sections (e.g. a dirName section), appended after the extensions */
  sections?: string[];
}

export const CA_EXT = ['basicConstraints = critical,CA:true', 'keyUsage = critical,keyCertSign,cRLSign'];
export const LEAF_EXT = ['basicConstraints = critical,CA:false', 'keyUsage = critical,nonRepudiation'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startChainPki(dir: string): Promise<ChainPki> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const served = new Map<string, string>();
  let serial = 0x1000;

  const key = (name: string): string => {
    const file = join(dir, `${name}.key.pem`);
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], dir);
    return file;
  };
  const der = (name: string): string => {
    const out = join(dir, `${name}.der`);
    openssl(['x509', '-in', join(dir, `${name}.pem`), '-outform', 'DER', '-out', out], dir);
    return out;
  };
  /** the CRL of `issuer` (its revoked certificates, none at first), served at /crl/<issuer>.crl */
  const publishCrl = (issuer: IssuedCert): void => {
    const idx = join(dir, `${issuer.name}.idx`);
    const conf = join(dir, `${issuer.name}.crl.cnf`);
    if (!existsSync(conf)) {
      writeFileSync(idx, '');
      writeFileSync(join(dir, `${issuer.name}.crlnum`), '01\n');
      writeFileSync(
        conf,
        `[ca]\ndefault_ca=c\n[c]\ndatabase=${idx}\ncrlnumber=${dir}/${issuer.name}.crlnum\ndefault_md=sha256\ndefault_crl_days=7\n`,
      );
    }
    const pem = join(dir, `${issuer.name}.crl.pem`);
    const args = ['-config', conf, '-cert', issuer.certPem, '-keyfile', issuer.keyPem, '-out', pem];
    openssl(['ca', '-gencrl', ...args], dir);
    const out = join(dir, `${issuer.name}.crl`);
    openssl(['crl', '-in', pem, '-outform', 'DER', '-out', out], dir);
    served.set(`/crl/${issuer.name}.crl`, out);
  };

  const rootKey = key('root');
  const rootConf = join(dir, 'root.cnf');
  writeFileSync(
    rootConf,
    `[req]\ndistinguished_name=dn\nx509_extensions=v3\n[dn]\n[v3]\n${CA_EXT.join('\n')}\nsubjectKeyIdentifier=hash\n`,
  );
  const rootPem = join(dir, 'root.pem');
  const rootArgs = ['-config', rootConf, '-key', rootKey, '-subj', '/CN=Chain Test Root', '-days', '30'];
  openssl(['req', '-new', '-x509', ...rootArgs, '-out', rootPem], dir);
  const root: IssuedCert = { name: 'root', keyPem: rootKey, certPem: rootPem, certDer: der('root') };
  served.set('/cert/root.der', root.certDer);
  publishCrl(root);

  const pki: ChainPki = {
    dir,
    base,
    root,
    crlUp: true,
    aiaUp: true,
    down: new Set(),
    hits: {},
    issue(name, issuer, ext, o = {}) {
      const keyPem = o.keyPem ?? key(name);
      const csr = join(dir, `${name}.csr`);
      openssl(['req', '-new', '-key', keyPem, '-subj', o.subject ?? `/CN=${o.cn ?? name}`, '-out', csr], dir);
      const extFile = join(dir, `${name}.ext`);
      const lines = [
        ...ext,
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid',
        `crlDistributionPoints = URI:${base}/crl/${issuer.name}.crl`,
        `authorityInfoAccess = caIssuers;URI:${base}/cert/${issuer.name}.der`,
        ...(o.sections ?? []),
      ];
      writeFileSync(extFile, lines.join('\n') + '\n');
      const certPem = join(dir, `${name}.pem`);
      const caArgs = ['-CA', issuer.certPem, '-CAkey', issuer.keyPem, '-set_serial', String(serial++)];
      openssl(
        ['x509', '-req', '-in', csr, ...caArgs, '-days', '20', '-extfile', extFile, '-out', certPem],
        dir,
      );
      const cert: IssuedCert = { name, keyPem, certPem, certDer: der(name) };
      served.set(`/cert/${name}.der`, cert.certDer);
      publishCrl(cert);
      return cert;
    },
    revoke(cert, issuer) {
      const args = ['-config', join(dir, `${issuer.name}.crl.cnf`), '-cert', issuer.certPem];
      openssl(
        ['ca', ...args, '-keyfile', issuer.keyPem, '-revoke', cert.certPem, '-crl_reason', 'keyCompromise'],
        dir,
      );
      publishCrl(issuer);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  server.on('request', (req, res) => {
    const path = req.url ?? '';
    pki.hits[path] = (pki.hits[path] ?? 0) + 1;
    const file = served.get(path);
    const up = path.startsWith('/crl/') ? pki.crlUp : pki.aiaUp;
    if (file && up && !pki.down.has(path)) res.writeHead(200).end(readFileSync(file));
    else res.writeHead(503).end();
  });
  return pki;
}
