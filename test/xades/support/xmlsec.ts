/** xmlsec1 (Debian package xmlsec1) as the independent XML signer and verifier of the tests. */
import { spawnSync } from 'node:child_process';
import type { IssuedCert, TestPki } from '../../support/pki';

/**
 * xmlsec1 only resolves '#id' for attributes it knows as IDs: the XAdES SignedProperties, SignatureValue, Signature,
 * ds:Object and ds:Manifest Ids, and the invoice root's and body's.
 */
const ID_ATTRS = [
  '--id-attr:Id',
  'http://www.w3.org/2000/09/xmldsig#:Object',
  '--id-attr:Id',
  'http://www.w3.org/2000/09/xmldsig#:Manifest',
  '--id-attr:Id',
  'FatturaElettronicaBody',
  '--id-attr:Id',
  'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2:FatturaElettronica',
  '--id-attr:Id',
  'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
  '--id-attr:Id',
  'http://www.w3.org/2000/09/xmldsig#:SignatureValue',
  '--id-attr:Id',
  'http://www.w3.org/2000/09/xmldsig#:Signature',
];

/** `cwd`: where relative (detached) reference URIs are resolved; `nodeId`: the ds:Signature to sign (default: first) */
export function xmlsecSign(
  template: string,
  out: string,
  signer: IssuedCert,
  cwd?: string,
  nodeId?: string,
): void {
  const r = spawnSync(
    'xmlsec1',
    [
      '--sign',
      ...ID_ATTRS,
      ...(nodeId ? ['--node-id', nodeId] : []),
      '--privkey-pem',
      `${signer.keyPem},${signer.certPem}`,
      '--output',
      out,
      template,
    ],
    { encoding: 'utf8', cwd },
  );
  if (r.status !== 0) throw new Error(`xmlsec1 --sign failed: ${r.stderr}`);
}

/** true when xmlsec1 verifies `file` with the test root trusted and the CA as untrusted intermediate */
export function xmlsecVerify(
  file: string,
  pki: TestPki,
  cwd?: string,
  nodeId?: string,
): { ok: boolean; output: string } {
  const r = spawnSync(
    'xmlsec1',
    [
      '--verify',
      ...ID_ATTRS,
      ...(nodeId ? ['--node-id', nodeId] : []),
      '--trusted-pem',
      pki.rootPem,
      '--untrusted-pem',
      pki.caPem,
      file,
    ],
    { encoding: 'utf8', cwd },
  );
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
