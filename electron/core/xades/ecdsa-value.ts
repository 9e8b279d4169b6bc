/** ECDSA signature values: DER ECDSA-Sig-Value (what KeySigner returns) → r||s (what XMLDSig 1.1 carries). */
import * as asn1js from 'asn1js';
import { X509Certificate } from 'node:crypto';

const FIELD_BYTES: Readonly<Record<string, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

function fixed(v: Uint8Array, size: number): Buffer {
  let b = Buffer.from(v);
  while (b.length > size && b[0] === 0) b = b.subarray(1);
  if (b.length > size) throw new RangeError('ECDSA integer too long');
  return Buffer.concat([Buffer.alloc(size - b.length), b]);
}

export function ecdsaDerToPlain(der: Uint8Array, certificate: Uint8Array): Buffer {
  const curve = new X509Certificate(certificate).publicKey.asymmetricKeyDetails?.namedCurve ?? '';
  const size = FIELD_BYTES[curve];
  if (!size) throw new RangeError(`unsupported curve ${curve}`);
  const parsed = asn1js.fromBER(Uint8Array.from(der).buffer);
  const seq = parsed.result;
  if (parsed.offset === -1 || !(seq instanceof asn1js.Sequence))
    throw new RangeError('not an ECDSA-Sig-Value');
  const [r, s] = seq.valueBlock.value;
  if (!(r instanceof asn1js.Integer) || !(s instanceof asn1js.Integer))
    throw new RangeError('bad ECDSA-Sig-Value');
  return Buffer.concat([fixed(r.valueBlock.valueHexView, size), fixed(s.valueBlock.valueHexView, size)]);
}
