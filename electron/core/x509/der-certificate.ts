/**
 * The parts of a DER X.509 certificate (RFC 5280 §4.1) Sigillo reads, located with the light BER walker: no
 * asn1js/pkijs objects (loading and running those was most of the start-up of a signature). Throws RangeError on
 * anything that is not a certificate.
 */
import { bytesOf, children, decodeOid, readElement, valueOf, type Element } from '../cms/der-parse';
import { derTime } from '../cms/der-time';

export interface DerCertificate {
  /** INTEGER content */
  serial: Uint8Array;
  /** whole Name encodings */
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  spki: { algorithm: string; params?: Uint8Array; key: Uint8Array };
  /** extnValue contents by extension OID (the first of each) */
  extensions: Map<string, Uint8Array>;
}

function need(e: Element | undefined, tag: number, what: string): Element {
  if (!e || e.tag !== tag) throw new RangeError(`${what} expected`);
  return e;
}

function time(buf: Uint8Array, e: Element | undefined): Date {
  if (!e) throw new RangeError('validity expected');
  const d = derTime(e.tag, valueOf(buf, e));
  if (!d) throw new RangeError('bad time');
  return d;
}

/** BIT STRING content without its unused-bits octet. */
export function bitStringBytes(buf: Uint8Array, e: Element): Uint8Array {
  if (e.tag !== 0x03 || e.valueEnd === e.valueStart) throw new RangeError('BIT STRING expected');
  return buf.subarray(e.valueStart + 1, e.valueEnd);
}

function extensionsOf(buf: Uint8Array, e: Element | undefined): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (!e) return out;
  const list = need(children(buf, e)[0], 0x30, 'extensions');
  for (const ext of children(buf, list)) {
    const parts = children(buf, need(ext, 0x30, 'extension'));
    const oid = decodeOid(valueOf(buf, need(parts[0], 0x06, 'extnID')));
    const value = need(parts[parts[1]?.tag === 0x01 ? 2 : 1], 0x04, 'extnValue');
    if (!out.has(oid)) out.set(oid, valueOf(buf, value));
  }
  return out;
}

export function readDerCertificate(der: Uint8Array): DerCertificate {
  const top = readElement(der, 0);
  if (top.tag !== 0x30 || top.end !== der.length) throw new RangeError('certificate expected');
  const [tbsElement, sigAlg, sigValue] = children(der, top);
  need(sigAlg, 0x30, 'signatureAlgorithm');
  need(sigValue, 0x03, 'signatureValue');
  const tbs = children(der, need(tbsElement, 0x30, 'tbsCertificate'));
  let i = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const serial = valueOf(der, need(tbs[i++], 0x02, 'serialNumber'));
  need(tbs[i++], 0x30, 'signature');
  const issuer = bytesOf(der, need(tbs[i++], 0x30, 'issuer'));
  const validity = children(der, need(tbs[i++], 0x30, 'validity'));
  const subject = bytesOf(der, need(tbs[i++], 0x30, 'subject'));
  const spkiParts = children(der, need(tbs[i++], 0x30, 'subjectPublicKeyInfo'));
  const alg = children(der, need(spkiParts[0], 0x30, 'algorithm'));
  const extensions = extensionsOf(
    der,
    tbs.slice(i).find((e) => e.tag === 0xa3),
  );
  return {
    serial,
    issuer,
    subject,
    notBefore: time(der, validity[0]),
    notAfter: time(der, validity[1]),
    spki: {
      algorithm: decodeOid(valueOf(der, need(alg[0], 0x06, 'algorithm'))),
      params: alg[1] ? bytesOf(der, alg[1]) : undefined,
      key: bitStringBytes(der, need(spkiParts[1], 0x03, 'subjectPublicKey')),
    },
    extensions,
  };
}
