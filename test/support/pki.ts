/**
 * A test PKI shaped like the CNS one, made with openssl at test time:
 * root CA → qualified CA → signature certificates (nonRepudiation, QcStatements, policies, TINIT- serialNumber,
 * CRL distribution point) and an authentication certificate (digitalSignature, clientAuth).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { opensslCaConfig } from './openssl-ca-config';

export interface TestPerson {
  givenName: string;
  surname: string;
  fiscalCode: string;
}

export interface IssuedCert {
  name: string;
  keyPem: string; // path to PKCS#8 PEM
  certPem: string; // path
  certDer: string; // path
}

export interface TestPki {
  dir: string;
  root: IssuedCert;
  ca: IssuedCert;
  rootPem: string;
  caPem: string;
  /** root + CA, PEM bundle, for `openssl cms -verify -CAfile` */
  chainPem: string;
  person: TestPerson;
  signature: IssuedCert;
  authentication: IssuedCert;
  ecSignature: IssuedCert;
  expiringSignature: IssuedCert;
  expiredSignature: IssuedCert;
  crlUrl: string;
}

export const DEFAULT_PERSON: TestPerson = {
  givenName: 'MARIO',
  surname: 'ROSSI',
  fiscalCode: 'RSSMRA80A01H501U',
};

/** QcStatements: QcCompliance, QcSSCD, QcType esign (ETSI EN 319 412-5), DER hex. */
const QC_STATEMENTS_DER =
  '3029' +
  '300806060400' +
  '8e460101' +
  '300806060400' +
  '8e460104' +
  '3013060604008e4601063009060704008e46010601';

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** openssl ca dates are UTCTime/GeneralizedTime strings: YYYYMMDDHHMMSSZ. */
export function opensslDate(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

interface RevocationUrls {
  crlUrl: string;
  /** CRL distribution point of the qualified CA certificate (its CRL signed by the root) */
  caCrlUrl?: string;
  /** OCSP responder named in the AIA of the people's certificates */
  ocspUrl?: string;
}

function caConfig(dir: string, urls: RevocationUrls): string {
  const { crlUrl, caCrlUrl, ocspUrl } = urls;
  const ocsp = ocspUrl ? [`authorityInfoAccess = OCSP;URI:${ocspUrl}`] : [];
  const keyIds = ['subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid:always'];
  return opensslCaConfig({
    dir,
    name: 'testca',
    newCertsDir: `${dir}/newcerts`,
    settings: { email_in_dn: 'no' },
    policy: {
      countryName: 'optional',
      organizationName: 'optional',
      organizationalUnitName: 'optional',
      commonName: 'supplied',
      serialNumber: 'optional',
      givenName: 'optional',
      surname: 'optional',
      dnQualifier: 'optional',
    },
    sections: {
      v3_ca: [
        'basicConstraints = critical,CA:true,pathlen:0',
        'keyUsage = critical,keyCertSign,cRLSign',
        ...keyIds,
        'certificatePolicies = 2.5.29.32.0',
        ...(caCrlUrl ? [`crlDistributionPoints = URI:${caCrlUrl}`] : []),
      ],
      v3_signature: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,nonRepudiation',
        ...keyIds,
        'certificatePolicies = 1.3.76.16.6,0.4.0.194112.1.2',
        `crlDistributionPoints = URI:${crlUrl}`,
        ...ocsp,
        `1.3.6.1.5.5.7.1.3 = DER:${QC_STATEMENTS_DER}`,
      ],
      v3_authentication: [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage = clientAuth',
        ...keyIds,
        'certificatePolicies = 1.3.76.16.6',
        `crlDistributionPoints = URI:${crlUrl}`,
        ...ocsp,
      ],
    },
  });
}

function personSubject(p: TestPerson, dnq: string): string {
  return (
    `/C=IT/O=Camera di Commercio di Test/CN=${p.surname} ${p.givenName}/SN=${p.surname}/GN=${p.givenName}` +
    `/serialNumber=TINIT-${p.fiscalCode}/dnQualifier=${dnq}`
  );
}

function newKey(dir: string, name: string, kind: 'rsa' | 'ec'): string {
  const key = join(dir, `${name}.key.pem`);
  const algo =
    kind === 'rsa'
      ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
      : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl(['genpkey', ...algo, '-out', key], dir);
  return key;
}

interface IssueOptions {
  name: string;
  subject: string;
  ext: string;
  kind?: 'rsa' | 'ec';
  start?: Date;
  end?: Date;
  selfSign?: boolean;
}

function issue(dir: string, conf: string, issuerName: string, o: IssueOptions): IssuedCert {
  const key = newKey(dir, o.name, o.kind ?? 'rsa');
  const csr = join(dir, `${o.name}.csr`);
  const pem = join(dir, `${o.name}.pem`);
  const der = join(dir, `${o.name}.der`);
  openssl(['req', '-new', '-config', conf, '-key', key, '-subj', o.subject, '-out', csr], dir);
  const start = o.start ?? new Date(Date.now() - 24 * 3600e3);
  const end = o.end ?? new Date(start.getTime() + 3 * 365 * 24 * 3600e3);
  const issuerArgs = o.selfSign
    ? ['-selfsign', '-keyfile', key]
    : ['-cert', join(dir, `${issuerName}.pem`), '-keyfile', join(dir, `${issuerName}.key.pem`)];
  openssl(
    [
      'ca',
      '-batch',
      '-notext',
      '-config',
      conf,
      ...issuerArgs,
      '-in',
      csr,
      '-out',
      pem,
      '-extensions',
      o.ext,
      '-startdate',
      opensslDate(start),
      '-enddate',
      opensslDate(end),
      '-utf8',
    ],
    dir,
  );
  openssl(['x509', '-in', pem, '-outform', 'DER', '-out', der], dir);
  return { name: o.name, keyPem: key, certPem: pem, certDer: der };
}

const DAY = 24 * 3600e3;

export function makeTestPki(
  dir: string,
  opts: { crlUrl?: string; caCrlUrl?: string; ocspUrl?: string; person?: TestPerson } = {},
): TestPki {
  mkdirSync(join(dir, 'newcerts'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const crlUrl = opts.crlUrl ?? 'http://127.0.0.1:1/test-ca.crl';
  const conf = join(dir, 'ca.cnf');
  writeFileSync(conf, caConfig(dir, { crlUrl, caCrlUrl: opts.caCrlUrl, ocspUrl: opts.ocspUrl }));
  const person = opts.person ?? DEFAULT_PERSON;
  const now = Date.now();

  const root = issue(dir, conf, 'root', {
    name: 'root',
    subject: '/C=IT/O=Sigillo Test/CN=Sigillo Test Root CA',
    ext: 'v3_root',
    selfSign: true,
    start: new Date(now - 400 * DAY),
    end: new Date(now + 3650 * DAY),
  });
  const ca = issue(dir, conf, 'root', {
    name: 'ca',
    subject: '/C=IT/O=Sigillo Test/OU=Qualified Certification Service Provider/CN=Sigillo Test Qualified CA',
    ext: 'v3_ca',
    start: new Date(now - 300 * DAY),
    end: new Date(now + 3000 * DAY),
  });
  const subject = personSubject(person, '1001');
  const signature = issue(dir, conf, 'ca', { name: 'signature', subject, ext: 'v3_signature' });
  const authentication = issue(dir, conf, 'ca', {
    name: 'authentication',
    subject: personSubject(person, '1002'),
    ext: 'v3_authentication',
  });
  const ecSignature = issue(dir, conf, 'ca', {
    name: 'ec-signature',
    subject,
    ext: 'v3_signature',
    kind: 'ec',
  });
  const expiringSignature = issue(dir, conf, 'ca', {
    name: 'expiring-signature',
    subject,
    ext: 'v3_signature',
    start: new Date(now - (3 * 365 - 30) * DAY),
    end: new Date(now + 30 * DAY),
  });
  const expiredSignature = issue(dir, conf, 'ca', {
    name: 'expired-signature',
    subject,
    ext: 'v3_signature',
    start: new Date(now - (3 * 365 + 10) * DAY),
    end: new Date(now - 10 * DAY),
  });
  const rootPem = join(dir, 'root.pem');
  const caPem = join(dir, 'ca.pem');
  const chainPem = join(dir, 'chain.pem');
  writeFileSync(chainPem, readFileSync(rootPem, 'utf8') + readFileSync(caPem, 'utf8'));
  return {
    dir,
    root,
    ca,
    rootPem,
    caPem,
    chainPem,
    person,
    signature,
    authentication,
    ecSignature,
    expiringSignature,
    expiredSignature,
    crlUrl,
  };
}
