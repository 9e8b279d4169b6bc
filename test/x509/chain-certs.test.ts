/**
 * The light reading of the signing chain walk (x509/chain-certs.ts, x509/name-parts.ts) against the pkijs one it
 * stands in for (x509/certificates.ts): for every certificate of the test PKI and of the real-world corpus, and
 * for names built here in every string type, the light answer is pkijs's answer or `Undecided` — never another
 * answer. Undecided shapes (UniversalString, invalid UTF-8, an odd AuthorityKeyIdentifier…) are refused, not read.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { describe, expect, inject, it } from 'vitest';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { toArrayBuffer } from '../../electron/core/cms/bytes';
import * as heavy from '../../electron/core/x509/certificates';
import {
  chainCertReader,
  isSelfIssued,
  issued,
  mayHaveIssued,
  Undecided,
} from '../../electron/core/x509/chain-certs';
import { namePartsOf } from '../../electron/core/x509/name-parts';
import { readDerCertificate } from '../../electron/core/x509/der-certificate';
import { pemToDers } from '../../electron/core/x509/pem';
import { REALWORLD, realworldPresent } from '../support/realworld-corpus';
import { issuerChain, walkIssuers } from '../../electron/core/sign/issuer-chain';
import { pkijsReading } from '../../electron/core/sign/issuer-chain-aia';
import { CA_EXT, LEAF_EXT, startChainPki } from '../verify/support/chain-pki';
import type { IssuedCert } from '../support/pki';

const fx = inject('fixture');

/** DER TLV (short and long lengths) */
function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return new Uint8Array(Buffer.concat([Uint8Array.of(tag, ...len), body]));
}
const CN = Uint8Array.of(0x06, 0x03, 0x55, 0x04, 0x03);
const O = Uint8Array.of(0x06, 0x03, 0x55, 0x04, 0x0a);
const ava = (type: Uint8Array, value: Uint8Array) => tlv(0x30, type, value);
/** a string value: UTF8String text encoded as UTF-8, the others byte per character */
const str = (tag: number, bytes: Uint8Array | string) =>
  tlv(
    tag,
    typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes, tag === 0x0c ? 'utf8' : 'latin1')) : bytes,
  );
const name = (...rdns: Uint8Array[][]) => tlv(0x30, ...rdns.map((avas) => tlv(0x31, ...avas)));
const bmp = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

function pkijsParts(der: Uint8Array): string[] {
  return heavy.nameParts(pkijs.RelativeDistinguishedNames.fromBER(toArrayBuffer(der)));
}

function corpusCerts(): Promise<Uint8Array[]> {
  return (async () => {
    const out: Uint8Array[] = [];
    if (!realworldPresent) return out;
    for (const f of readdirSync(REALWORLD).filter((n) => /\.(p7m|p7s|p7|pkcs7)$/.test(n))) {
      const sd = await readSignedData(join(REALWORLD, f), { hashDeclared: false }).catch(() => undefined);
      for (const c of sd?.certificates ?? []) if (c[0] === 0x30) out.push(c);
    }
    return out;
  })();
}

function pkiCerts(): Uint8Array[] {
  const p = fx.pki;
  return [p.rootPem, p.caPem, p.signature.certPem, p.authentication.certPem, p.ecSignature.certPem].map(
    (pem) => pemToDers(readFileSync(pem, 'utf8'))[0]!,
  );
}

/** light answer, or 'undecided' */
function light<T>(f: () => T): T | 'undecided' {
  try {
    return f();
  } catch (e) {
    if (e instanceof Undecided) return 'undecided';
    throw e;
  }
}

describe('light name parts = pkijs nameParts', () => {
  it('every string type it reads, case and spaces folded alike, multi-valued RDNs flattened in order', () => {
    const names = [
      name([ava(CN, str(0x13, '  Mario   ROSSI '))], [ava(O, str(0x0c, 'Società  Prova S.p.A.'))]),
      name([ava(CN, str(0x16, 'mario rossi')), ava(O, str(0x14, 'ACME\u00e9'))]),
      name([ava(CN, str(0x1e, bmp('Niccolò  Č'))), ava(O, str(0x1a, 'V'))], [ava(CN, str(0x12, '0123 45'))]),
      name([ava(CN, str(0x0c, new Uint8Array(Buffer.from('ÀÉÌ \u{1F600} x', 'utf8'))))]),
      name([ava(CN, str(0x0c, Uint8Array.of(0xef, 0xbb, 0xbf, 0x41)))]), // a BOM is kept, as pkijs keeps it
      name([ava(CN, str(0x13, '\t tab\u00a0nbsp \n'))]),
    ];
    for (const n of names) {
      const got = namePartsOf(n);
      expect(got).toBeDefined();
      expect(got).toEqual(pkijsParts(n));
    }
    expect(namePartsOf(names[0]!)?.join('/')).toBe('2.5.4.3=mario rossi/2.5.4.10=società prova s.p.a.');
  });

  it('shapes it does not mirror are undecided, never read otherwise', () => {
    const undecided = [
      name([ava(CN, str(0x1c, Uint8Array.of(0, 0, 0, 0x41)))]), // UniversalString
      name([ava(CN, str(0x0c, Uint8Array.of(0xc3, 0x28)))]), // invalid UTF-8 (pkijs keeps the raw bytes)
      name([ava(CN, str(0x1e, Uint8Array.of(0, 0x41, 0)))]), // BMPString of odd length
      name([ava(CN, str(0x17, '250101000000Z'))]), // UTCTime
      name([ava(CN, tlv(0x04, Uint8Array.of(1, 2)))]), // OCTET STRING
      name([ava(CN, tlv(0x33, str(0x13, 'a')))]), // constructed
      name([tlv(0x30, CN, str(0x13, 'a'), str(0x13, 'b'))]), // three parts in an AttributeTypeAndValue
      name([]), // empty RDN
      tlv(0x30), // no RDN at all
      Uint8Array.of(0x30, 0x80, 0, 0), // indefinite length
      new Uint8Array([...name([ava(CN, str(0x13, 'a'))]), 0]), // trailing byte
      name([ava(tlv(0x06, Uint8Array.of(0x55, 0x80, 0x04)), str(0x13, 'a'))]), // non-minimal OID arc
    ];
    for (const n of undecided) expect(namePartsOf(n)).toBeUndefined();
  });

  it('the test PKI and every certificate of the real-world corpus: subject and issuer read as pkijs reads them', async () => {
    const all = [...pkiCerts(), ...(await corpusCerts())];
    let read = 0;
    for (const der of all) {
      const p = heavy.parseCert(der);
      if (!p) continue;
      const d = readDerCertificate(der);
      const subject = namePartsOf(d.subject);
      const issuer = namePartsOf(d.issuer);
      if (subject) expect(subject).toEqual(heavy.nameParts(p.cert.subject));
      if (issuer) expect(issuer).toEqual(heavy.nameParts(p.cert.issuer));
      if (subject && issuer) read++;
    }
    expect(read).toBeGreaterThan(realworldPresent ? 15 : 4);
  });
});

describe('light chain answers = pkijs chain answers', () => {
  it('mayHaveIssued, issued and isSelfIssued for every pair of certificates', async () => {
    const ders = [...pkiCerts(), ...(await corpusCerts())];
    const read = chainCertReader();
    let compared = 0;
    for (const a of ders) {
      const la = light(() => read(a));
      const ha = heavy.parseCert(a);
      if (la === 'undecided' || !la || !ha) continue;
      expect(isSelfIssued(la)).toBe(heavy.isSelfIssued(ha));
      for (const b of ders) {
        const lb = light(() => read(b));
        const hb = heavy.parseCert(b);
        if (lb === 'undecided' || !lb || !hb) continue;
        expect(mayHaveIssued(la, lb)).toBe(heavy.mayHaveIssued(ha, hb));
        expect(issued(la, lb)).toBe(heavy.issued(ha, hb));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    // the same bytes give the same object (the walk's pool relies on it)
    expect(read(ders[0]!)).toBe(read(new Uint8Array(ders[0]!)));
  });

  it('not a certificate: undefined (as pkijs); an unusual authorityKeyIdentifier: undecided', () => {
    const read = chainCertReader();
    expect(read(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toBeUndefined();
    const der = pkiCerts()[2]!;
    // swap the AKI's [0] keyIdentifier for a constructed [0]: X509Certificate still reads it, pkijs reads no key id
    const aki = Buffer.from(der).indexOf(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x23]));
    expect(aki).toBeGreaterThan(0);
    const keyIdTag = Buffer.from(der).indexOf(Buffer.from([0x80, 0x14]), aki + 5);
    expect(keyIdTag - aki).toBeLessThan(12);
    const odd = new Uint8Array(der);
    odd[keyIdTag] = 0xa0;
    expect(() => read(odd)).toThrow(Undecided);
  });
});

describe('look-alike issuers: same name, other key', () => {
  it('key identifiers tell them apart as pkijs does; the walk picks the real issuer either way', async () => {
    const pki = await startChainPki(mkdtempSync(join(fx.root, 'chain-certs-')));
    try {
      pki.aiaUp = false;
      const real = pki.issue('twin-real', pki.root, CA_EXT, { cn: 'Twin CA' });
      const fake = pki.issue('twin-fake', pki.root, CA_EXT, { cn: 'Twin CA' });
      const folded = pki.issue('twin-folded', pki.root, CA_EXT, { cn: '  twin   ca ' });
      const leaf = pki.issue('twin-leaf', real, LEAF_EXT);
      const der = (c: IssuedCert) => new Uint8Array(readFileSync(c.certDer));
      const all = [pki.root, real, fake, folded, leaf].map(der);
      const read = chainCertReader();
      for (const a of all) {
        for (const b of all) {
          const [la, lb, ha, hb] = [read(a)!, read(b)!, heavy.parseCert(a)!, heavy.parseCert(b)!];
          expect(mayHaveIssued(la, lb)).toBe(heavy.mayHaveIssued(ha, hb));
          expect(issued(la, lb)).toBe(heavy.issued(ha, hb));
        }
      }
      // the look-alikes' names chain (folded too), their keys do not
      expect(read(der(folded))!.subject).toBe(read(der(leaf))!.issuer);
      expect(mayHaveIssued(read(der(fake))!, read(der(leaf))!)).toBe(false);
      const pool = [der(fake), der(folded), der(real), der(pki.root)];
      const chain = await issuerChain(der(leaf), pool);
      expect(chain).toEqual([der(real)]);
      expect(await walkIssuers(pkijsReading(1000), der(leaf), pool, false)).toEqual(chain);
    } finally {
      await pki.close();
    }
  });
});
