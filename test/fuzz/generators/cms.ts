/**
 * CMS hostile inputs: thousands of signers, long counter-signature chains, SignedData nested many levels deep,
 * lengths that lie (past the end, 4 GiB, indefinite without end-of-contents), deep constructed nesting.
 */
import { contextConstructed, sequence, tlv } from '../../../electron/core/cms/der';
import { between, bytesCase, type Generator, type HostileCase } from './types';

const hex = (h: string): Uint8Array => Buffer.from(h, 'hex');
const OID_SIGNED_DATA = hex('06092a864886f70d010702');
const OID_DATA = hex('06092a864886f70d010701');
const OID_COUNTERSIGNATURE = hex('06092a864886f70d010906');
const SHA256 = hex('300d06096086480165030402010500');
const RSA = hex('300d06092a864886f70d0101010500');
const INT1 = hex('020101');
const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, ...items);
const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);

function signerInfo(i: number, unsigned?: Uint8Array): Uint8Array {
  const sid = sequence(sequence(), tlv(0x02, Uint8Array.of(1 + (i % 120))));
  return sequence(INT1, sid, SHA256, RSA, octets(new Uint8Array(256)), ...(unsigned ? [unsigned] : []));
}

function signedData(content: Uint8Array, signerInfos: Uint8Array[]): Uint8Array {
  const encap = sequence(OID_DATA, contextConstructed(0, octets(content)));
  const sd = sequence(INT1, set(SHA256), encap, set(...signerInfos));
  return sequence(OID_SIGNED_DATA, contextConstructed(0, sd));
}

/** a counter-signature chain `depth` deep: each SignerInfo counter-signed by the next */
function counterChain(depth: number): Uint8Array {
  let si = signerInfo(depth);
  for (let d = depth - 1; d >= 0; d--) {
    si = signerInfo(d, contextConstructed(1, sequence(OID_COUNTERSIGNATURE, set(si))));
  }
  return si;
}

function nestedLevels(levels: number): Uint8Array {
  let p: Uint8Array = Buffer.from('contenuto');
  for (let i = 0; i < levels; i++) p = signedData(p, [signerInfo(i)]);
  return p;
}

const cmsCase = (name: string, bytes: () => Uint8Array): HostileCase =>
  bytesCase(`cms/${name}`, `${name}.p7m`, bytes);

export const cmsGenerator: Generator = (rand) => {
  const signers = between(rand, 1000, 20_000);
  const chain = between(rand, 50, 2000);
  const levels = between(rand, 17, 200);
  const depth = between(rand, 1000, 100_000);
  return [
    cmsCase('many-signers', () =>
      signedData(
        Buffer.from('x'),
        Array.from({ length: signers }, (_, i) => signerInfo(i)),
      ),
    ),
    cmsCase('counter-signature-chain', () => signedData(Buffer.from('x'), [counterChain(chain)])),
    cmsCase('nested-levels', () => nestedLevels(levels)),
    cmsCase('length-past-end', () => {
      const b = Buffer.from(signedData(Buffer.from('x'), [signerInfo(0)]));
      return Buffer.concat([Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff]), b.subarray(2)]);
    }),
    cmsCase('content-length-4gib', () => {
      const head = Buffer.concat([Buffer.from(OID_SIGNED_DATA), Buffer.from('a080308002010131', 'hex')]);
      return Buffer.concat([
        Buffer.from([0x30, 0x80]),
        head,
        Buffer.from([0x04, 0x84, 0xff, 0xff, 0xff, 0xff]),
      ]);
    }),
    cmsCase('indefinite-without-end', () =>
      Buffer.concat([
        Buffer.from([0x30, 0x80]),
        Buffer.from(OID_SIGNED_DATA),
        Buffer.from([0xa0, 0x80, 0x30, 0x80, 0x02, 0x01, 0x01]),
        Buffer.from(set(SHA256)),
      ]),
    ),
    cmsCase('deep-constructed', () => {
      const opens = Buffer.alloc(depth * 2);
      for (let i = 0; i < depth; i++) opens.writeUInt16BE(0x3080, i * 2);
      return Buffer.concat([Buffer.from([0x30, 0x80]), Buffer.from(OID_SIGNED_DATA), opens]);
    }),
  ];
};
