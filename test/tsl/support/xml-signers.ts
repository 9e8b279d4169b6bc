/** Test helper: test signing keys (openssl) and two independent XMLDSig signers: xmlsec1 and xml-crypto. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { signatureTemplate, tslXml, type TemplateOptions, type TslSpec } from './tsl-xml';

export interface TestSigner {
  keyPem: string;
  certPem: string;
  der: Uint8Array;
}

/** A self-signed RSA 2048 (or EC P-256) certificate for signing lists. */
export function makeSigner(dir: string, name: string, kind: 'rsa' | 'ec' = 'rsa'): TestSigner {
  const keyPem = join(dir, `${name}.key.pem`);
  const certPem = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      ...(kind === 'rsa' ? ['rsa:2048'] : ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256']),
      '-nodes',
      '-keyout',
      keyPem,
      '-out',
      certPem,
      '-days',
      '30',
      '-subj',
      `/C=EU/O=Sigillo Test/CN=${name}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const der = execFileSync('openssl', ['x509', '-in', certPem, '-outform', 'DER']);
  return { keyPem, certPem, der: new Uint8Array(der) };
}

/** Signs with `xmlsec1 --sign` (independent of the library that verifies). */
export function signWithXmlsec(
  dir: string,
  spec: TslSpec,
  signer: TestSigner,
  o: TemplateOptions = {},
): string {
  const tmpl = join(dir, `${spec.territory}-${spec.sequence}.tmpl.xml`);
  const out = join(dir, `${spec.territory}-${spec.sequence}.signed.xml`);
  writeFileSync(tmpl, tslXml(spec, signatureTemplate(spec.issue, o)));
  execFileSync(
    'xmlsec1',
    [
      '--sign',
      '--id-attr:Id',
      'http://uri.etsi.org/01903/v1.3.2#:SignedProperties',
      '--privkey-pem',
      `${signer.keyPem},${signer.certPem}`,
      '--output',
      out,
      tmpl,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return readFileSync(out, 'utf8');
}

/** Signs with xml-crypto: enveloped signature over the root by its Id. */
export function signWithXmlCrypto(spec: TslSpec, signer: TestSigner): string {
  const sig = new SignedXml({
    privateKey: readFileSync(signer.keyPem),
    publicCert: readFileSync(signer.certPem),
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: "/*[local-name(.)='TrustServiceStatusList']",
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(tslXml(spec), {
    prefix: 'ds',
    location: { reference: "/*[local-name(.)='TrustServiceStatusList']", action: 'append' },
  });
  return sig.getSignedXml();
}
