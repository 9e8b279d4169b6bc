/** A plain enveloping XMLDSig (RSA-SHA256, inclusive C14N) over one ds:Object, signed by xmlsec1 with the test PKI. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedCert } from '../../support/pki';
import { xmlsecSign } from './xmlsec';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** the signed document (text) over a ds:Object Id="o" holding `content`; files `name`.t.xml / .xml in `dir` */
export function plainDsig(dir: string, name: string, content: string, signer: IssuedCert): string {
  const template = `<?xml version="1.0" encoding="UTF-8"?>
<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#o"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo><ds:Object Id="o">${content}</ds:Object></ds:Signature>
`;
  writeFileSync(join(dir, `${name}.t.xml`), template);
  xmlsecSign(join(dir, `${name}.t.xml`), join(dir, `${name}.xml`), signer, dir);
  return readFileSync(join(dir, `${name}.xml`), 'utf8');
}
