/**
 * The FatturaPA peek and looksLikeXml read an XML head's ASCII in its bytes instead of decoding it (issue 22):
 * their answers must be those of the text tests they replace (kept here as they were), on generated heads that
 * mix encodings (declared, BOMs, UTF-16, unknown), prologs (comments and PIs holding the namespace, '&', non-ASCII),
 * root tags (other names, prefixes, non-ASCII names and attributes), blanks the text test knows and ASCII does not
 * (U+FEFF, no-break space), invalid UTF-8 and a character cut at the end.
 */
import { describe, expect, it } from 'vitest';
import { headMayBeInvoice, mayBeFatturaPa } from '../../electron/core/fatturapa/fatturapa-peek';
import { decodeXml, looksLikeXml, textLooksLikeXml } from '../../electron/core/xml/xml-decode';

const NS = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2';

/** headMayBeInvoice as it was: the text of the head, then mayBeFatturaPa */
function referenceHead(head: Uint8Array): boolean {
  try {
    return mayBeFatturaPa(decodeXml(head));
  } catch {
    return false;
  }
}

/** looksLikeXml as it was: the text of its first 512 bytes, then the text test */
function referenceLooksLikeXml(head: Uint8Array): boolean {
  let text: string;
  try {
    text = decodeXml(head.subarray(0, 512));
  } catch {
    return false;
  }
  return textLooksLikeXml(text);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BOMS = ['', '', '', '\xef\xbb\xbf', '\xef\xbb\xbf\xef\xbb\xbf', '\xff\xfe', '\xfe\xff'];
const DECLS = [
  '',
  '<?xml version="1.0"?>',
  '<?xml version="1.0" encoding="UTF-8"?>',
  "<?xml version='1.0' encoding='ISO-8859-1'?>",
  '<?xml version="1.0" encoding="windows-1252"?>',
  '<?xml version="1.0" encoding="us-ascii"?>',
  '<?xml version="1.0" encoding="EBCDIC"?>',
  '<?xml version="1.0" encoding="UTF-8"',
];
const BLANKS = ['', ' ', '\n', '\r\n\t', '\xc2\xa0', '\xa0', '\xef\xbb\xbf', '\x0b', '\x0c'];
const PROLOG = [
  '',
  '<!-- exported -->',
  `<!-- ${NS} -->`,
  '<!-- &amp; -->',
  '<!-- \xc3\xa8 caf\xe8 -->',
  '<?pi data?>',
  '<?pi \xe2\x82\xac?>',
  '<!-- not closed',
  '<?not closed',
  '<!DOCTYPE x>',
  '<!-->',
];
const ROOTS = [
  '<p:FatturaElettronica versione="FPR12">',
  `<p:FatturaElettronica xmlns:p="${NS}" versione="FPR12">`,
  `<FatturaElettronica xmlns="${NS}">`,
  '<FatturaElettronica a="x>y">',
  '<p:FatturaElettronica versione="FPR\xc3\xa8">',
  '<p:FatturaElettronica\xc2\xa0versione="1">',
  '<p:FatturaElettronica\xe2\x80\x83xmlns="x">',
  '<Ordine xmlns="urn:x">',
  '<FatturaElettronicaX>',
  '<\xc3\xa8:FatturaElettronica>',
  '<p:FatturaElettr',
  '<a:b:FatturaElettronica>',
  '< FatturaElettronica>',
  'FatturaElettronica>',
  '',
];
const BODIES = [
  '',
  '<Riga>1</Riga>',
  `<x xmlns="${NS}"/>`,
  '<x>&#104;</x>',
  'caf\xe8 \xc3\xa8 \xff\xfe\xed\xa0\x80',
  `${NS.slice(0, 30)}`,
  'xsd/fatture/v1.2',
];

function head(r: () => number): Buffer {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const parts = [
    pick(BOMS),
    pick(BLANKS),
    pick(DECLS),
    pick(BLANKS),
    pick(PROLOG),
    pick(BLANKS),
    pick(PROLOG),
  ];
  parts.push(pick(BLANKS), pick(ROOTS));
  for (let n = Math.floor(r() * 4); n > 0; n--) parts.push(pick(BODIES));
  const b = Buffer.from(parts.join(''), 'latin1');
  // sometimes cut in the middle of a character, or of the namespace
  return r() < 0.3 ? b.subarray(0, Math.floor(r() * b.length)) : b;
}

describe('XML heads read in their bytes: the same answers as their text', () => {
  it('headMayBeInvoice on generated heads', () => {
    const r = rng(7);
    const seen = new Set<boolean>();
    for (let n = 0; n < 20_000; n++) {
      const h = head(r);
      const want = referenceHead(h);
      seen.add(want);
      expect(headMayBeInvoice(h), JSON.stringify(h.toString('latin1'))).toBe(want);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('looksLikeXml on generated heads, and past its 512 bytes', () => {
    const r = rng(11);
    const seen = new Set<boolean>();
    for (let n = 0; n < 20_000; n++) {
      let h = head(r);
      if (r() < 0.1) h = Buffer.concat([Buffer.alloc(505 + Math.floor(r() * 10), 0x20), h]);
      const want = referenceLooksLikeXml(h);
      seen.add(want);
      expect(looksLikeXml(h), JSON.stringify(h.toString('latin1'))).toBe(want);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('a FatturaPA head of 8 KiB: no namespace → no; the namespace after 4 KiB of lines → maybe', () => {
    const lines = '<DettaglioLinee><NumeroLinea>1</NumeroLinea></DettaglioLinee>\n'.repeat(130);
    const plain = Buffer.from(`<?xml version="1.0"?>\n<p:FatturaElettronica versione="FPR12">\n${lines}`);
    expect(headMayBeInvoice(plain.subarray(0, 8192))).toBe(false);
    const late = Buffer.from(
      `<p:FatturaElettronica versione="FPR12">\n${lines.slice(0, 4096)}<a xmlns="${NS}"/>`,
    );
    expect(headMayBeInvoice(late)).toBe(true);
    expect(referenceHead(late)).toBe(true);
  });
});
