/**
 * A real RFC 3161 time-stamping authority on loopback for tests: a node:http server on 127.0.0.1 (random port)
 * that answers POST application/timestamp-query with `openssl ts -reply`, signed by a TSA certificate
 * (extendedKeyUsage critical timeStamping) issued by a test root made in a temp folder. Optional HTTP Basic
 * credentials; fault modes for the client's error paths.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { opensslDate } from './pki';
import { opensslCaConfig } from './openssl-ca-config';
import { readBody } from './http-body';

/** ok: a real token; http500; garbage: 200 with random bytes; slow: never answers; rejection: status 2;
 * mismatch: a valid token for another query (wrong nonce and imprint) */
export type TsaMode = 'ok' | 'http500' | 'garbage' | 'slow' | 'rejection' | 'mismatch';

export interface TsaPki {
  dir: string;
  /** the TSA's root CA, PEM (trust anchor for tokens) */
  rootPem: string;
  tsaCertPem: string;
  tsaKeyPem: string;
  /** openssl ts config file */
  config: string;
}

export interface TestTsa {
  url: string;
  pki: TsaPki;
  mode: TsaMode;
  /** Authorization headers received, in order */
  authorizations: (string | undefined)[];
  requests: number;
  close(): Promise<void>;
}

const DAY = 24 * 3600e3;

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

const CA_CNF = (dir: string) =>
  opensslCaConfig({
    dir,
    name: 'tsaca',
    newCertsDir: `${dir}/newcerts`,
    policy: { countryName: 'optional', organizationName: 'optional', commonName: 'supplied' },
    sections: {
      v3_tsa: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature,nonRepudiation',
        'extendedKeyUsage = critical,timeStamping',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid:always',
      ],
      tsa: ['default_tsa = tsa_config'],
      tsa_config: [
        `dir = ${dir}`,
        `serial = ${dir}/tsaserial`,
        'crypto_device = builtin',
        `signer_cert = ${dir}/tsa.pem`,
        `certs = ${dir}/root.pem`,
        `signer_key = ${dir}/tsa.key.pem`,
        'signer_digest = sha256',
        'default_policy = 1.3.6.1.4.1.99999.1.1',
        'other_policies = 1.3.6.1.4.1.99999.1.2',
        'digests = sha256, sha384, sha512',
        'accuracy = secs:1',
        'ordering = yes',
        'tsa_name = yes',
        'ess_cert_id_chain = no',
        'ess_cert_id_alg = sha256',
      ],
    },
  });

/** Root CA + TSA certificate (valid from `start`, 5 years unless `until` says otherwise) in `dir`. */
export function makeTsaPki(
  dir: string,
  start = new Date(Date.now() - 400 * DAY),
  until = new Date(start.getTime() + 5 * 365 * DAY),
): TsaPki {
  mkdirSync(join(dir, 'newcerts'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '2000\n');
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  const config = join(dir, 'tsa.cnf');
  writeFileSync(config, CA_CNF(dir));
  const end = opensslDate(until);
  for (const [name, subject, ext, issuer] of [
    ['root', '/C=IT/O=Sigillo Test TSA/CN=Sigillo Test TSA Root', 'v3_root', null],
    ['tsa', '/C=IT/O=Sigillo Test TSA/CN=Sigillo Test Time Stamping Unit', 'v3_tsa', 'root'],
  ] as const) {
    const key = join(dir, `${name}.key.pem`);
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], dir);
    openssl(['req', '-new', '-config', config, '-key', key, '-subj', subject, '-out', `${name}.csr`], dir);
    const signerArgs = issuer
      ? ['-cert', join(dir, `${issuer}.pem`), '-keyfile', join(dir, `${issuer}.key.pem`)]
      : ['-selfsign', '-keyfile', key];
    openssl(
      ['ca', '-batch', '-notext', '-config', config, ...signerArgs, '-in', `${name}.csr`]
        .concat(['-out', `${name}.pem`, '-extensions', ext, '-startdate', opensslDate(start)])
        .concat(['-enddate', end]),
      dir,
    );
  }
  return {
    dir,
    rootPem: join(dir, 'root.pem'),
    tsaCertPem: join(dir, 'tsa.pem'),
    tsaKeyPem: join(dir, 'tsa.key.pem'),
    config,
  };
}

function reply(pki: TsaPki, queryFile: string, outFile: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'openssl',
      ['ts', '-reply', '-config', pki.config, '-queryfile', queryFile, '-out', outFile],
      { cwd: pki.dir },
      (err) => (err ? reject(err) : resolve(readFileSync(outFile))),
    );
  });
}

function otherQuery(pki: TsaPki, n: number): string {
  const data = join(pki.dir, `other-${n}.txt`);
  const query = join(pki.dir, `other-${n}.tsq`);
  writeFileSync(data, `another document ${n}`);
  openssl(['ts', '-query', '-data', data, '-sha256', '-cert', '-out', query], pki.dir);
  return query;
}

export interface TsaServerOptions {
  pki: TsaPki;
  mode?: TsaMode;
  /** when set, requests without these HTTP Basic credentials get 401 */
  user?: string;
  password?: string;
}

export async function startTsaServer(opts: TsaServerOptions): Promise<TestTsa> {
  const { pki } = opts;
  let queue: Promise<unknown> = Promise.resolve();
  const sockets = new Set<import('node:net').Socket>();
  const tsa: TestTsa = {
    url: '',
    pki,
    mode: opts.mode ?? 'ok',
    authorizations: [],
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const expected = opts.user
    ? 'Basic ' + Buffer.from(`${opts.user}:${opts.password ?? ''}`).toString('base64')
    : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const n = ++tsa.requests;
    tsa.authorizations.push(req.headers.authorization);
    const query = await readBody(req);
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
      res.writeHead(415).end();
      return;
    }
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="tsa"' }).end();
      return;
    }
    switch (tsa.mode) {
      case 'http500':
        res.writeHead(500).end('internal error');
        return;
      case 'garbage':
        res
          .writeHead(200, { 'Content-Type': 'application/timestamp-reply' })
          .end(Buffer.from('not DER at all'));
        return;
      case 'slow':
        return; // never answers; the socket stays open until the client gives up
      case 'rejection':
        // TimeStampResp { status PKIStatusInfo { status rejection(2) } }
        res
          .writeHead(200, { 'Content-Type': 'application/timestamp-reply' })
          .end(Buffer.from('30053003020102', 'hex'));
        return;
      default:
        break;
    }
    const queryFile = join(pki.dir, `q-${n}.tsq`);
    writeFileSync(queryFile, query);
    const source = tsa.mode === 'mismatch' ? otherQuery(pki, n) : queryFile;
    // openssl ts -reply updates the serial file: one at a time
    const run = queue.then(() => reply(pki, source, join(pki.dir, `r-${n}.tsr`)));
    queue = run.catch(() => undefined);
    const tsr = await run;
    res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(tsr);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return tsa;
}
