/**
 * Test helper: the text of an `openssl ca` / `openssl req` configuration for a small test CA — the CA section
 * (index, serial, sha256, no extension copying), a subject policy, a placeholder request DN, the self-signed root
 * extensions `v3_root`, and the caller's own sections.
 */

export interface CaConfigSpec {
  /** the CA folder: holds index.txt and serial */
  dir: string;
  /** name of the CA section (default_ca) */
  name: string;
  /** folder `openssl ca` writes a copy of each issued certificate to */
  newCertsDir: string;
  /** further CA-section settings (crlnumber, default_days…) */
  settings?: Record<string, string>;
  /** subject policy: DN field → supplied or optional */
  policy: Record<string, 'supplied' | 'optional'>;
  /** further sections (certificate extensions besides v3_root, a TSA's settings…), each as its `key = value` lines */
  sections: Record<string, string[]>;
}

function section(name: string, entries: Record<string, string>): string[] {
  return [`[ ${name} ]`, ...Object.entries(entries).map(([k, v]) => `${k} = ${v}`)];
}

export function opensslCaConfig(spec: CaConfigSpec): string {
  const { dir } = spec;
  return [
    '',
    ...section('ca', { default_ca: spec.name }),
    ...section(spec.name, {
      dir,
      database: `${dir}/index.txt`,
      new_certs_dir: spec.newCertsDir,
      serial: `${dir}/serial`,
      default_md: 'sha256',
      policy: 'anything',
      unique_subject: 'no',
      copy_extensions: 'none',
      ...spec.settings,
    }),
    ...section('anything', spec.policy),
    ...section('req', { distinguished_name: 'dn', prompt: 'no' }),
    ...section('dn', { CN: 'placeholder' }),
    '[ v3_root ]',
    'basicConstraints = critical,CA:true',
    'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
    ...Object.entries(spec.sections).flatMap(([name, lines]) => [`[ ${name} ]`, ...lines]),
    '',
  ].join('\n');
}
