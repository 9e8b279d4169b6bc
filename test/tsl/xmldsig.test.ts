import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyEnvelopedXml } from '../../electron/core/tsl/xmldsig-verify';
import { parseTrustedList } from '../../electron/core/tsl/tsl-parse';
import { makeSigner, signWithXmlCrypto, signWithXmlsec, type TestSigner } from './support/xml-signers';
import type { TslSpec } from './support/tsl-xml';

const fx = inject('fixture');
let dir = '';
let signer: TestSigner;
let other: TestSigner;

const spec: TslSpec = {
  territory: 'IT',
  sequence: 9,
  issue: new Date('2026-09-01T00:00:00Z'),
  next: new Date('2027-03-01T00:00:00Z'),
  tsps: [
    {
      name: 'Prova TSP',
      services: [
        {
          name: 'Prova CA',
          certificates: [],
          history: [{ status: 'granted', start: new Date('2017-01-01T00:00:00Z') }],
        },
      ],
    },
  ],
};

const invalid = expect.objectContaining({ code: 'TSL_SIGNATURE_INVALID' });

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'tsl-xmldsig-'));
  signer = makeSigner(dir, 'tl-signer');
  other = makeSigner(dir, 'other-signer');
});

describe('trusted-list XMLDSig verification', () => {
  it('accepts a XAdES-shaped list signed by xmlsec1 (URI="") and returns the signed content', () => {
    const xml = signWithXmlsec(dir, spec, signer);
    const v = verifyEnvelopedXml(xml, [other.der, signer.der], 'TSL IT');
    expect(Buffer.from(v.signer).equals(Buffer.from(signer.der))).toBe(true);
    expect(v.signedXml).not.toContain('SignatureValue');
    expect(parseTrustedList(v.signedXml)).toMatchObject({ territory: 'IT', sequenceNumber: 9 });
  });

  it('accepts a list signed by xml-crypto (URI="#root Id"), which xmlsec1 --verify also accepts', () => {
    const xml = signWithXmlCrypto(spec, signer);
    const file = join(dir, 'xmlcrypto-signed.xml');
    writeFileSync(file, xml);
    const xmlsec = spawnSync(
      'xmlsec1',
      ['--verify', '--id-attr:Id', 'TrustServiceStatusList', '--pubkey-cert-pem', signer.certPem, file],
      { encoding: 'utf8' },
    );
    expect(xmlsec.status).toBe(0);
    expect(verifyEnvelopedXml(xml, [signer.der], 'TSL IT').signedXml).toContain('Prova TSP');
  });

  it('accepts ECDSA P-256 (r||s) and Canonical XML 1.1 / 1.0 signatures made by xmlsec1', () => {
    const ec = makeSigner(dir, 'ec-signer', 'ec');
    const ecdsa = signWithXmlsec(dir, spec, ec, {
      signatureMethod: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
    });
    expect(ecdsa).toContain('ecdsa-sha256');
    expect(verifyEnvelopedXml(ecdsa, [ec.der], 'TSL IT').signedXml).toContain('Prova TSP');
    for (const c14n of [
      'http://www.w3.org/2006/12/xml-c14n11',
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    ]) {
      const xml = signWithXmlsec(dir, spec, signer, { canonicalization: c14n });
      expect(xml).toContain(c14n);
      expect(verifyEnvelopedXml(xml, [signer.der], 'TSL IT').signedXml).toContain('Prova TSP');
      expect(() => verifyEnvelopedXml(xml.replace('Prova TSP', 'Altro TSP'), [signer.der], 'TSL IT')).toThrow(
        invalid,
      );
    }
  });

  it('refuses SHA-1 signatures', () => {
    const sha1 = signWithXmlsec(dir, spec, signer, {
      signatureMethod: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
    });
    expect(sha1).toContain('rsa-sha1');
    expect(() => verifyEnvelopedXml(sha1, [signer.der], 'TSL IT')).toThrow(invalid);
  });

  it('rejects a tampered list, whichever signer made it', () => {
    for (const xml of [signWithXmlsec(dir, spec, signer), signWithXmlCrypto(spec, signer)]) {
      expect(() => verifyEnvelopedXml(xml.replace('Prova TSP', 'Altro TSP'), [signer.der], 'TSL IT')).toThrow(
        invalid,
      );
      expect(() => verifyEnvelopedXml(xml.replace('>9<', '>10<'), [signer.der], 'TSL IT')).toThrow(invalid);
    }
  });

  it('rejects a list signed by a key that is not allowed (the KeyInfo certificate is not trusted by itself)', () => {
    const xml = signWithXmlsec(dir, spec, other);
    expect(() => verifyEnvelopedXml(xml, [signer.der], 'TSL IT')).toThrow(invalid);
    expect(() => verifyEnvelopedXml(xml, [], 'TSL IT')).toThrow(invalid);
  });

  it('rejects signature wrapping: a new root around the signed list, or a reference to a nested element', () => {
    const signed = signWithXmlCrypto(spec, signer).replace(/^<\?xml[^>]*\?>\s*/, '');
    const ns = 'xmlns:tsl="http://uri.etsi.org/02231/v2#"';
    const forged = spec.territory.replace('IT', 'XX');
    const wrapped = `<tsl:TrustServiceStatusList ${ns} Id="evil"><tsl:SchemeInformation><tsl:SchemeTerritory>${forged}</tsl:SchemeTerritory></tsl:SchemeInformation>${signed}</tsl:TrustServiceStatusList>`;
    expect(() => verifyEnvelopedXml(wrapped, [signer.der], 'TSL IT')).toThrow(invalid);
    // the signature moved up under the forged root, still pointing at the nested original
    const sigStart = signed.indexOf('<ds:Signature');
    const sigEnd = signed.indexOf('</ds:Signature>') + '</ds:Signature>'.length;
    const signature = signed.slice(sigStart, sigEnd);
    const original = signed.slice(0, sigStart) + signed.slice(sigEnd);
    const moved = `<tsl:TrustServiceStatusList ${ns} Id="evil"><tsl:Wrapper>${original}</tsl:Wrapper>${signature}</tsl:TrustServiceStatusList>`;
    expect(() => verifyEnvelopedXml(moved, [signer.der], 'TSL IT')).toThrow(invalid);
  });

  it('refuses a reference id carried by two elements (an unsigned copy in the signature)', () => {
    const xml = signWithXmlCrypto(spec, signer);
    expect(verifyEnvelopedXml(xml, [signer.der], 'TSL IT').signedXml).toContain('Prova TSP');
    const duplicated = xml.replace(
      '</ds:Signature>',
      '<ds:Object><tsl:TrustServiceStatusList Id="tsl-IT"/></ds:Object></ds:Signature>',
    );
    expect(duplicated).not.toBe(xml);
    expect(() => verifyEnvelopedXml(duplicated, [signer.der], 'TSL IT')).toThrow(invalid);
  });

  it('rejects DOCTYPEs (entity expansion) before any signature work', () => {
    const xml = signWithXmlsec(dir, spec, signer).replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>',
    );
    expect(() => verifyEnvelopedXml(xml, [signer.der], 'TSL IT')).toThrow(
      expect.objectContaining({ code: 'TSL_MALFORMED' }),
    );
  });

  it('applies the XML caps of the shared parser: a deeply nested element is TSL_MALFORMED (XML_TOO_DEEP), no crash', () => {
    const xml = signWithXmlsec(dir, spec, signer).replace(
      '</tsl:SchemeInformation>',
      `${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}</tsl:SchemeInformation>`,
    );
    expect(xml).toContain('<x><x>');
    expect(() => verifyEnvelopedXml(xml, [signer.der], 'TSL IT')).toThrow(
      expect.objectContaining({ code: 'TSL_MALFORMED', message: expect.stringMatching(/XML_TOO_DEEP/) }),
    );
  });
});
