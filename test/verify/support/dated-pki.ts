/**
 * Test helper for date-dependent crypto constraints: a PKI whose root, TSA and signers are valid from a chosen
 * date (so a proof of existence from 2008 is coherent), timestamp tokens with a chosen genTime (a TSTInfo written
 * here, signed by the TSA key with `openssl cms -econtent_type id-ct-TSTInfo`, since `openssl ts -reply` only
 * stamps the current time), and a CMS with such a token added as its signature timestamp.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { attribute } from '../../../electron/core/cms/signed-attributes';
import { encodeSignedData } from '../../../electron/core/cms/signed-data';
import { contextConstructed, sequence } from '../../../electron/core/cms/der';
import { signatureValueOf, withUnsignedAttribute } from '../../../electron/core/cms/unsigned-attributes';
import { OID } from '../../../electron/core/cms/oids';
import { OID_BY_HASH } from '../../../electron/core/cms/algorithm-oids';
import { opensslDate, type IssuedCert } from '../../support/pki';
import { makeTsaPki, type TsaPki } from '../../support/tsa-server';

/** the dated PKI's validity: from before SHA-1's expiry (2009) to well after today */
export const DATED_START = new Date('2007-01-01T00:00:00Z');
export const DATED_END = new Date('2040-01-01T00:00:00Z');

export interface DatedPki {
  pki: TsaPki;
  /** a signer (RSA 2048, SHA-256 certificate) valid over the whole span */
  signer: IssuedCert;
}

/** Root + TSA + signer valid from 2007 to 2040, in `dir`. */
export function makeDatedPki(dir: string): DatedPki {
  const pki = makeTsaPki(dir, DATED_START, DATED_END);
  return { pki, signer: datedLeaf(pki, 'signer', { start: DATED_START, end: DATED_END }) };
}

let serial = 0;
const run = (pki: TsaPki, args: string[]) =>
  execFileSync('openssl', args, { cwd: pki.dir, stdio: ['ignore', 'pipe', 'pipe'] });

export interface LeafOptions {
  start: Date;
  end: Date;
  /** RSA modulus bits (default 2048) */
  bits?: number;
  /** digest the issuer signs the certificate with (default sha256) */
  md?: string;
  /** a CA certificate (keyCertSign) instead of a signer */
  ca?: boolean;
  /** the issuing CA (default the PKI's root) */
  issuer?: IssuedCert;
  /** an extendedKeyUsage value, e.g. `critical,timeStamping` (a TSA) */
  eku?: string;
}

/** A signing certificate (nonRepudiation), or a CA, issued by the dated PKI's root or `o.issuer`. */
export function datedLeaf(pki: TsaPki, name: string, o: LeafOptions): IssuedCert {
  const keyPem = join(pki.dir, `${name}.key.pem`);
  const certPem = join(pki.dir, `${name}.pem`);
  const ext = join(pki.dir, `${name}.ext`);
  const usage = o.ca
    ? 'CA:true\nkeyUsage=critical,keyCertSign,cRLSign'
    : 'CA:false\nkeyUsage=critical,nonRepudiation';
  const eku = o.eku ? `extendedKeyUsage=${o.eku}\n` : '';
  writeFileSync(ext, `basicConstraints=critical,${usage}\n${eku}`);
  run(pki, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${o.bits ?? 2048}`, '-out', keyPem]);
  run(pki, [
    'req',
    '-new',
    '-config',
    pki.config,
    '-key',
    keyPem,
    '-subj',
    `/CN=${name}`,
    '-out',
    `${name}.csr`,
  ]);
  run(pki, [
    'ca',
    '-batch',
    '-notext',
    '-config',
    pki.config,
    '-md',
    o.md ?? 'sha256',
    '-cert',
    o.issuer?.certPem ?? join(pki.dir, 'root.pem'),
    '-keyfile',
    o.issuer?.keyPem ?? join(pki.dir, 'root.key.pem'),
    '-in',
    `${name}.csr`,
    '-out',
    certPem,
    '-extfile',
    ext,
    '-startdate',
    opensslDate(o.start),
    '-enddate',
    opensslDate(o.end),
  ]);
  return { name, keyPem, certPem, certDer: '' };
}

/** A TimeStampToken over `imprint` (hashed with `hash`) claiming `genTime`, signed by the PKI's TSA. */
export function datedToken(
  pki: TsaPki,
  genTime: Date,
  data: Uint8Array,
  hash: 'sha1' | 'sha256',
): Uint8Array {
  const tst = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.ObjectIdentifier({ value: '1.2.3.4.1' }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [new asn1js.ObjectIdentifier({ value: OID_BY_HASH[hash] }), new asn1js.Null()],
          }),
          new asn1js.OctetString({ valueHex: createHash(hash).update(data).digest() }),
        ],
      }),
      new asn1js.Integer({ value: 1000 + ++serial }),
      new asn1js.GeneralizedTime({ valueDate: genTime }),
    ],
  });
  const base = join(pki.dir, `tst-${serial}`);
  writeFileSync(`${base}.der`, new Uint8Array(tst.toBER()));
  run(pki, [
    'cms',
    '-sign',
    '-binary',
    '-nodetach',
    '-cades',
    '-md',
    'sha256',
    '-econtent_type',
    OID.tstInfo,
    '-in',
    `${base}.der`,
    '-signer',
    pki.tsaCertPem,
    '-inkey',
    pki.tsaKeyPem,
    '-outform',
    'DER',
    '-out',
    `${base}.tok`,
  ]);
  return new Uint8Array(readFileSync(`${base}.tok`));
}

const raw = (b: asn1js.BaseBlock) => new Uint8Array(b.valueBeforeDecodeView);

/** The CMS (ContentInfo, DER) with a signature timestamp from `stamp` added to its first SignerInfo. */
export function withSignatureTimestamp(
  der: Uint8Array,
  stamp: (signatureValue: Uint8Array) => Uint8Array,
): Uint8Array {
  return withFirstSignerAttribute(der, (sv) => attribute(OID.signatureTimeStamp, stamp(sv)));
}

/** The CMS with CAdES revocation-values (crlVals [0] EXPLICIT SEQUENCE OF `crls`) added to its first SignerInfo. */
export function withRevocationValues(der: Uint8Array, crls: Uint8Array[]): Uint8Array {
  // written with the DER helpers: asn1js gave an empty SEQUENCE for a CRL of a few MB
  const crlVals = sequence(contextConstructed(0, sequence(...crls)));
  return withFirstSignerAttribute(der, () => attribute('1.2.840.113549.1.9.16.2.24', crlVals));
}

/** The CMS with the unsigned attribute `make` returns (given the signature value) added to its first SignerInfo. */
export function withFirstSignerAttribute(
  der: Uint8Array,
  make: (signatureValue: Uint8Array) => Uint8Array,
): Uint8Array {
  return withFirstSignerInfo(der, (si) => withUnsignedAttribute(si, make(signatureValueOf(si))));
}

/**
 * The CMS (ContentInfo, DER) with its first SignerInfo replaced by what `edit` makes of it, and its certificates
 * by what `certs` makes of them.
 */
export function withFirstSignerInfo(
  der: Uint8Array,
  edit: (signerInfo: Uint8Array) => Uint8Array,
  certs: (certificates: Uint8Array[]) => Uint8Array[] = (c) => c,
): Uint8Array {
  const ci = asn1js.fromBER(new Uint8Array(der).buffer).result as asn1js.Sequence;
  const sd = (ci.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const items = sd.valueBlock.value;
  const encap = items[2] as asn1js.Sequence;
  const wrapped = encap.valueBlock.value[1] as asn1js.Constructed | undefined;
  const eContent = wrapped
    ? new Uint8Array((wrapped.valueBlock.value[0] as asn1js.OctetString).getValue())
    : undefined;
  let certificates: Uint8Array[] = [];
  let signerInfos: Uint8Array[] = [];
  for (const it of items.slice(3)) {
    if (it.idBlock.tagClass === 3 && it.idBlock.tagNumber === 0)
      certificates = (it as asn1js.Constructed).valueBlock.value.map(raw);
    else if (it instanceof asn1js.Set) signerInfos = it.valueBlock.value.map(raw);
  }
  const [first, ...rest] = signerInfos;
  if (!first) throw new Error('no SignerInfo');
  return encodeSignedData({
    version: (items[0] as asn1js.Integer).valueBlock.valueDec,
    digestAlgorithms: (items[1] as asn1js.Set).valueBlock.value.map(raw),
    eContentType: (encap.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    certificates: certs(certificates),
    signerInfos: [edit(first), ...rest],
    eContent,
  });
}
