/**
 * Random damage never crashes or hangs the XAdES and ASiC verifiers (fast-check): every damaged file gives a
 * report (a per-file error or signatures) and a damaged signed byte is never reported as intact.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { invoiceXml, xadesTemplate } from '../xades/support/fatturapa-sample';
import { xmlsecSign } from '../xades/support/xmlsec';
import { cadesDetached, MIME_E, MIME_S, stageFiles, writeZip } from './support/build-asic';

const fx = inject('fixture');
const trust = new TrustStore([]);
let dir = '';
let xml: Buffer;
let zip: Buffer;

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'robust-'));
  const template = join(dir, 't.xml');
  writeFileSync(template, invoiceXml(undefined, xadesTemplate(fx.pki.signature.certPem)));
  xmlsecSign(template, join(dir, 's.xml'), fx.pki.signature);
  xml = readFileSync(join(dir, 's.xml'));
  const stage = join(dir, 'stage');
  mkdirSync(stage);
  stageFiles(stage, { 'doc.txt': 'documento\n'.repeat(50) });
  const sig = cadesDetached(join(stage, 'doc.txt'), join(stage, 'signature.p7s'), fx.pki.signature, fx.pki);
  zip = readFileSync(
    writeZip(join(dir, 'c.asics'), MIME_S, [
      ['doc.txt', join(stage, 'doc.txt')],
      ['META-INF/signature.p7s', sig],
    ]),
  );
});

const damage = (bytes: Buffer) =>
  fc.record({
    at: fc.nat({ max: bytes.length - 1 }),
    value: fc.integer({ min: 0, max: 255 }),
    cut: fc.option(fc.nat({ max: bytes.length }), { nil: undefined }),
  });

async function check(name: string, bytes: Buffer, d: { at: number; value: number; cut?: number }) {
  const copy = Buffer.from(bytes);
  const changed = copy[d.at] !== d.value;
  copy[d.at] = d.value;
  const data = d.cut === undefined ? copy : copy.subarray(0, d.cut);
  const p = join(dir, name);
  writeFileSync(p, data);
  const r = await verifyFile(p, { trust });
  expect(r.error !== null || r.signatures.length > 0).toBe(true);
  return { r, changed: changed || d.cut !== undefined };
}

describe('random damage', () => {
  it('signed XAdES: never a crash; a changed byte inside the signed invoice is never intact', async () => {
    const start = xml.indexOf('<FatturaElettronicaHeader>');
    const end = xml.indexOf('</FatturaElettronicaBody>');
    await fc.assert(
      fc.asyncProperty(damage(xml), async (d) => {
        const { r, changed } = await check('x.xml', xml, d);
        // (a CR where a LF was is the same after XML line-end normalisation: not a change)
        const crlf = d.value === 13 && xml[d.at] === 10;
        if (changed && !crlf && d.cut === undefined && d.at > start && d.at < end && r.error === null) {
          expect(r.signatures.every((s) => s.integrity === 'invalid')).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ASiC-S container: never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(damage(zip), async (d) => {
        await check('z.asics', zip, d);
      }),
      { numRuns: 60 },
    );
  });
});

describe('unreadable signature files', () => {
  it('each gives a FORMAT_FAILURE signature naming the file, covering nothing; a readable one beside them is still checked', async () => {
    const stage = join(dir, 'stage-bad');
    mkdirSync(stage);
    stageFiles(stage, { 'doc.txt': 'documento\n' });
    writeFileSync(join(stage, 'bad.xml'), '<ds:Signature unclosed');
    writeFileSync(join(stage, 'bad.p7s'), Buffer.from([0x30, 0x82, 0x10, 0x00, 0x06]));
    const good = cadesDetached(join(stage, 'doc.txt'), join(stage, 'good.p7s'), fx.pki.signature, fx.pki);
    const p = writeZip(join(dir, 'bad-sigs.asice'), MIME_E, [
      ['doc.txt', join(stage, 'doc.txt')],
      ['META-INF/signatures001.xml', join(stage, 'bad.xml')],
      ['META-INF/signature001.p7s', join(stage, 'bad.p7s')],
      ['META-INF/signature002.p7s', good],
    ]);
    const r = await verifyFile(p, { trust });
    expect(r.error).toBeNull();
    expect(r.format).toBe('asic-e');
    expect(r.signatures).toHaveLength(3);
    const [xades, cades, ok] = r.signatures;
    for (const [s, name] of [
      [xades, 'META-INF/signatures001.xml'],
      [cades, 'META-INF/signature001.p7s'],
    ] as const) {
      expect(s?.indication).toBe('INDETERMINATE');
      expect(s?.subIndication).toBe('FORMAT_FAILURE');
      expect(s?.integrity).toBe('invalid');
      expect(s?.messages[0]).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}: \\S`));
    }
    // without an ASiCManifest an ASiC-E CAdES signature covers no data file: readable, but nothing it signs
    expect(ok?.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
    expect(r.container?.files).toEqual([{ name: 'doc.txt', size: 10, signedBy: [] }]);
  });
});
