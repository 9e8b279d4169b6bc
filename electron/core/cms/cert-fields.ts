/** The raw certificate fields CMS needs (issuer Name and serialNumber INTEGER, byte-exact from the DER). */
import { failure } from '../errors';
import { bytesOf, children, readElement } from './der-parse';

export interface IssuerAndSerial {
  /** the issuer Name element, as encoded in the certificate */
  issuer: Uint8Array;
  /** the serialNumber INTEGER element, as encoded in the certificate */
  serial: Uint8Array;
}

export function issuerAndSerial(certDer: Uint8Array): IssuerAndSerial {
  try {
    const cert = readElement(certDer, 0);
    const [tbs] = children(certDer, cert);
    if (!tbs) throw new RangeError('no tbsCertificate');
    const fields = children(certDer, tbs);
    const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
    const serial = fields[offset];
    const issuer = fields[offset + 2];
    if (serial?.tag !== 0x02 || issuer?.tag !== 0x30) throw new RangeError('unexpected certificate layout');
    return { issuer: bytesOf(certDer, issuer), serial: bytesOf(certDer, serial) };
  } catch {
    throw failure('BAD_CERTIFICATE');
  }
}
