/**
 * Two look-alikes the XML readers must tell apart: a FatturaElettronicaHeader in another namespace put before the
 * real (unqualified, as in the FatturaPA schema) one is not the invoice header, so its seller is never shown; and
 * '<!DOCTYPE' written inside a comment or a CDATA section is text, not a document type declaration (a real one,
 * in any case, is still refused before parsing).
 */
import { describe, expect, it } from 'vitest';
import { fatturaPaFromBytes } from '../../electron/core/fatturapa/fatturapa';
import { SigilloError } from '../../electron/core/errors';
import { parseXml } from '../../electron/core/xml/xml-safe';
import { invoiceXml } from './support/fatturapa-sample';

const FAKE_HEADER =
  '<x:FatturaElettronicaHeader xmlns:x="urn:not-fatturapa"><x:CedentePrestatore><x:DatiAnagrafici>' +
  '<x:IdFiscaleIVA><x:IdPaese>IT</x:IdPaese><x:IdCodice>99999999999</x:IdCodice></x:IdFiscaleIVA>' +
  '<x:Anagrafica><x:Denominazione>Truffatore SRL</x:Denominazione></x:Anagrafica></x:DatiAnagrafici>' +
  '</x:CedentePrestatore></x:FatturaElettronicaHeader>';

function code(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof SigilloError ? e.code : 'OTHER';
  }
}

describe('FatturaPA header in another namespace', () => {
  it('is not read: the seller is the one of the real, unqualified header', () => {
    const text = invoiceXml().replace(
      '<FatturaElettronicaHeader>',
      `${FAKE_HEADER}<FatturaElettronicaHeader>`,
    );
    const summary = fatturaPaFromBytes(Buffer.from(text));
    expect(summary?.sender.name).toBe('Rossi & Figli S.r.l.');
    expect(summary?.sender.vatNumber).toBe('IT01234567890');
  });

  it('in the invoice namespace beside the unqualified one: two forms mixed, no summary', () => {
    const fpa = FAKE_HEADER.replace('xmlns:x="urn:not-fatturapa"', '').split('x:').join('p:');
    const text = invoiceXml().replace('<FatturaElettronicaHeader>', `${fpa}<FatturaElettronicaHeader>`);
    expect(fatturaPaFromBytes(Buffer.from(text))).toBeUndefined();
  });
});

describe('DOCTYPE', () => {
  it('mentioned inside a comment or CDATA section: parsed', () => {
    const text = invoiceXml().replace(
      '<FatturaElettronicaHeader>',
      '<!-- <!DOCTYPE is mentioned here --><FatturaElettronicaHeader><![CDATA[ <!DOCTYPE x> ]]>',
    );
    expect(code(() => parseXml(text))).toBeUndefined();
  });

  it.each([
    ['a real one', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['lower case', '<!doctype a><a/>'],
    ['after a comment', '<!-- c --><!DOCTYPE a><a/>'],
    ['after an unterminated comment', '<!-- c <!DOCTYPE a><a/>'],
  ])('%s: refused', (_what, text) => {
    expect(['XML_DOCTYPE_FORBIDDEN', 'XML_MALFORMED']).toContain(code(() => parseXml(text)));
  });

  it('a real one is refused as a DOCTYPE', () => {
    expect(code(() => parseXml('<?xml version="1.0"?>\n<!DOCTYPE a><a/>'))).toBe('XML_DOCTYPE_FORBIDDEN');
  });
});
