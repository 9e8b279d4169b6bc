/** Builds an OCSP request (RFC 6960) with pkijs: one CertID (SHA-1, as responders expect) and a nonce. */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { ParsedCert } from '../x509/certificates';
import { toBytes } from '../cms/bytes';
import { digestBytes, OID_BY_HASH, type HashName } from '../cms/algorithm-oids';

export const OID_OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';

export interface CertIdHashes {
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  serial: Uint8Array;
}

/** the CertID values, hashed with SHA-1 (what requests use) or the algorithm a response's CertID names */
export function certIdHashes(cert: ParsedCert, issuer: ParsedCert, hash: HashName = 'sha1'): CertIdHashes {
  const digest = (b: Uint8Array) => new Uint8Array(digestBytes(hash, b));
  return {
    issuerNameHash: digest(new Uint8Array(issuer.cert.subject.valueBeforeDecode)),
    issuerKeyHash: digest(toBytes(issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
    serial: toBytes(cert.cert.serialNumber.valueBlock.valueHexView),
  };
}

export function buildOcspRequest(ids: CertIdHashes, nonce: Uint8Array = randomBytes(16)): Uint8Array {
  const certId = new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID_BY_HASH.sha1,
      algorithmParams: new asn1js.Null(),
    }),
    issuerNameHash: new asn1js.OctetString({ valueHex: ids.issuerNameHash }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: ids.issuerKeyHash }),
    serialNumber: new asn1js.Integer({ valueHex: ids.serial }),
  });
  const req = new pkijs.OCSPRequest();
  req.tbsRequest.requestList = [new pkijs.Request({ reqCert: certId })];
  req.tbsRequest.requestExtensions = [
    new pkijs.Extension({
      extnID: OID_OCSP_NONCE,
      extnValue: new asn1js.OctetString({ valueHex: nonce }).toBER(false),
    }),
  ];
  return new Uint8Array(req.toSchema(true).toBER(false));
}
