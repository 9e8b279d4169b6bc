/**
 * The light SignerInfo reader against pkijs/asn1js (the reference it replaced on the verification path): every
 * field the verifier uses must come out the same, for openssl-made signatures of every shape and for the SignerInfos
 * of the real-world corpus (needs ../shared/corpus/realworld; those cases skip only where it is absent).
 */
import { describe, expect, it, inject } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import fc from 'fast-check';
import { readSignerInfo } from '../../electron/core/cms/signer-info-reader';
import { readSignedAttributes } from '../../electron/core/verify/signed-attributes';
import { derTime } from '../../electron/core/cms/der-time';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign } from './support/openssl-cms';
import { REALWORLD, realworldPresent } from '../support/realworld-corpus';

const fx = inject('fixture');
const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

/** Field by field: light reader vs pkijs. */
function compareWithPkijs(bytes: Uint8Array): void {
  const ref = new pkijs.SignerInfo({ schema: asn1js.fromBER(new Uint8Array(bytes).buffer).result });
  const light = readSignerInfo(bytes);
  expect(light.version).toBe(ref.version);
  expect(light.digestAlgorithm.oid).toBe(ref.digestAlgorithm.algorithmId);
  expect(light.signatureAlgorithm.oid).toBe(ref.signatureAlgorithm.algorithmId);
  expect(hex(light.signature)).toBe(hex(ref.signature.getValue()));
  if (ref.sid instanceof pkijs.IssuerAndSerialNumber) {
    expect(light.sid.kind).toBe('issuerSerial');
    if (light.sid.kind !== 'issuerSerial') return;
    expect(hex(light.sid.issuer)).toBe(hex(ref.sid.issuer.toSchema().toBER()));
    expect(hex(light.sid.serial)).toBe(hex(ref.sid.serialNumber.valueBlock.valueHexView));
  } else {
    expect(light.sid.kind).toBe('keyId');
  }
  expect(light.signedAttrs?.attributes.map((a) => a.type)).toEqual(
    ref.signedAttrs?.attributes.map((a) => a.type),
  );
  if (light.signedAttrs && ref.signedAttrs) {
    // pkijs re-tags its copy as a SET (0x31); the rest must be the bytes as found
    expect(hex(light.signedAttrs.encoded.subarray(1))).toBe(
      hex(new Uint8Array(ref.signedAttrs.encodedValue).subarray(1)),
    );
    const signingTime = ref.signedAttrs.attributes.find((a) => a.type === '1.2.840.113549.1.9.5')
      ?.values[0] as asn1js.UTCTime | undefined;
    expect(readSignedAttributes(light.signedAttrs).signingTime?.getTime()).toBe(
      signingTime?.toDate().getTime(),
    );
  }
  expect(light.unsignedAttrs?.map((a) => a.type)).toEqual(ref.unsignedAttrs?.attributes.map((a) => a.type));
}

describe('light SignerInfo reader = pkijs', () => {
  const dir = mkdtempSync(join(fx.root, 'sireader-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'Fattura n. 7\n'.repeat(20));
  const shapes: [string, Parameters<typeof opensslCmsSign>[0]['flags'], 'rsa' | 'ec'][] = [
    ['RSA, signed attributes', ['-nodetach'], 'rsa'],
    ['RSA, CAdES (signingCertificateV2)', ['-nodetach', '-cades'], 'rsa'],
    ['RSA, no attributes', ['-nodetach', '-noattr'], 'rsa'],
    ['RSA-PSS', ['-nodetach', '-keyopt', 'rsa_padding_mode:pss'], 'rsa'],
    ['subject key identifier sid', ['-nodetach', '-keyid'], 'rsa'],
    ['ECDSA', ['-nodetach', '-cades'], 'ec'],
  ];
  it.each(shapes)('%s', (name, flags, kind) => {
    const out = join(dir, `${name.replace(/\W+/g, '-')}.p7m`);
    const signer = kind === 'ec' ? fx.pki.ecSignature : fx.pki.signature;
    const der = opensslCmsSign({ input, out, signer, flags });
    const [si] = cmsPartsInMemory(der).signerInfos;
    expect(si).toBeDefined();
    compareWithPkijs(si as Uint8Array);
  });

  it.skipIf(!realworldPresent)('every SignerInfo of the real-world p7m files', async () => {
    const files = readdirSync(REALWORLD).filter((f) => /\.(p7m|p7s|p7|pkcs7)$/.test(f));
    let seen = 0;
    for (const f of files) {
      const sd = await readSignedData(join(REALWORLD, f), { hashDeclared: false }).catch(() => undefined);
      for (const si of sd?.signerInfos ?? []) {
        compareWithPkijs(si);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('rejects what is not a SignerInfo: trailing bytes, missing fields, wrong tags', () => {
    const der = opensslCmsSign({
      input,
      out: join(dir, 'x.p7m'),
      signer: fx.pki.signature,
      flags: ['-nodetach'],
    });
    const si = cmsPartsInMemory(der).signerInfos[0] as Uint8Array;
    expect(() => readSignerInfo(Buffer.concat([si, Buffer.of(0)]))).toThrow(RangeError);
    expect(() => readSignerInfo(si.subarray(0, si.length - 1))).toThrow(RangeError);
    const wrongTop = Uint8Array.from(si);
    wrongTop[0] = 0x31;
    expect(() => readSignerInfo(wrongTop)).toThrow(RangeError);
    expect(() => readSignerInfo(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toThrow(RangeError);
  });
});

describe('UTCTime / GeneralizedTime', () => {
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

  it('agrees with asn1js on every valid UTCTime and GeneralizedTime', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2049-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
          const utc = new asn1js.UTCTime({ valueDate: whole });
          expect(derTime(0x17, enc(utc.toString()))?.getTime()).toBe(utc.toDate().getTime());
          const gen = new asn1js.GeneralizedTime({ valueDate: d });
          expect(derTime(0x18, enc(gen.toString()))?.getTime()).toBe(gen.toDate().getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applies offsets and fractions, rejects impossible dates and other tags', () => {
    expect(derTime(0x18, enc('20261125153000+0100'))?.toISOString()).toBe('2026-11-25T14:30:00.000Z');
    expect(derTime(0x18, enc('20261125153000.25Z'))?.toISOString()).toBe('2026-11-25T15:30:00.250Z');
    expect(derTime(0x17, enc('261125153000Z'))?.toISOString()).toBe('2026-11-25T15:30:00.000Z');
    expect(derTime(0x17, enc('491231235959Z'))?.getUTCFullYear()).toBe(2049);
    expect(derTime(0x17, enc('500101000000Z'))?.getUTCFullYear()).toBe(1950);
    for (const bad of ['261325153000Z', '260230120000Z', '261125253000Z', '2611251530Q', '']) {
      expect(derTime(0x17, enc(bad))).toBeUndefined();
    }
    expect(derTime(0x0c, enc('261125153000Z'))).toBeUndefined();
  });
});
