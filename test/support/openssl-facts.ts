/** Test helper: what `openssl x509` says about a DER certificate file, to check our own parsing against. */
import { execFileSync } from 'node:child_process';

export interface OpensslFacts {
  /** lowercase hex */
  serial: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER, lowercase hex */
  fingerprint: string;
  /** RFC 2253 */
  subject: string;
  issuer: string;
  /** `openssl x509 -text` */
  text: string;
}

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8' });
}

export function opensslFacts(derPath: string): OpensslFacts {
  const input = ['x509', '-inform', 'DER', '-in', derPath, '-noout'];
  const out = openssl([
    ...input,
    '-serial',
    '-startdate',
    '-enddate',
    '-fingerprint',
    '-sha256',
    '-subject',
    '-issuer',
    '-nameopt',
    'RFC2253',
  ]);
  const get = (k: string) => new RegExp(`^${k}=(.*)$`, 'm').exec(out)?.[1] ?? '';
  return {
    serial: get('serial').toLowerCase(),
    notBefore: new Date(get('notBefore')).toISOString(),
    notAfter: new Date(get('notAfter')).toISOString(),
    fingerprint: get('sha256 Fingerprint').replace(/:/g, '').toLowerCase(),
    subject: get('subject'),
    issuer: get('issuer'),
    text: openssl([...input, '-text']),
  };
}
