/**
 * Test helper: certificates openssl will not make (an extension twice, a keyUsage that is no BIT STRING, a
 * serial changed), made by editing an issued certificate's TBS and signing it again with the issuer's key (the
 * signature algorithm kept: SHA-256 with ECDSA or RSA PKCS#1).
 */
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { bytesOf, children, readElement } from '../../../electron/core/cms/der-parse';
import { equalBytes } from '../../../electron/core/cms/bytes';
import { oid, octetString, sequence, tlv } from '../../../electron/core/cms/der';
import { certificatesFromBytes } from '../../../electron/core/trust/trust-file';
import type { IssuedCert } from '../../support/pki';

export const pemOf = (der: Uint8Array): string =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

/** `der` with its TBS elements replaced by `edit`'s, signed again with `issuerKeyPem` */
export function resign(
  der: Uint8Array,
  issuerKeyPem: string,
  edit: (tbsParts: Uint8Array[]) => Uint8Array[],
): Uint8Array {
  const [tbs, sigAlg] = children(der, readElement(der, 0));
  const tbsParts = children(der, tbs!).map((e) => bytesOf(der, e));
  const newTbs = sequence(...edit(tbsParts));
  const sig = sign('sha256', newTbs, createPrivateKey(readFileSync(issuerKeyPem)));
  return sequence(newTbs, bytesOf(der, sigAlg!), tlv(0x03, Uint8Array.of(0), sig));
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  const flag = critical ? [Uint8Array.of(0x01, 0x01, 0xff)] : [];
  return sequence(oid(id), ...flag, octetString(value));
}

/** the extension's OID, from its DER */
export function extensionIs(ext: Uint8Array, id: string): boolean {
  const [extnId] = children(ext, readElement(ext, 0));
  return equalBytes(bytesOf(ext, extnId!), oid(id));
}

/**
 * `cert` (issued by `issuer`) with its extension list replaced by `edit`'s, written as `<name>.pem`: the same
 * key, so it signs as the original did.
 */
export function withExtensions(
  cert: IssuedCert,
  issuer: IssuedCert,
  name: string,
  edit: (exts: Uint8Array[]) => Uint8Array[],
): IssuedCert {
  const [der] = certificatesFromBytes(new Uint8Array(readFileSync(cert.certPem)));
  const edited = resign(der!, issuer.keyPem, (parts) =>
    parts.map((p) => {
      if (p[0] !== 0xa3) return p;
      const list = children(p, readElement(p, 0))[0]!;
      const exts = children(p, list).map((e) => bytesOf(p, e));
      return tlv(0xa3, sequence(...edit(exts)));
    }),
  );
  const certPem = cert.certPem.replace(/[^/]*$/, `${name}.pem`);
  writeFileSync(certPem, pemOf(edited));
  return { name, keyPem: cert.keyPem, certPem, certDer: '' };
}
