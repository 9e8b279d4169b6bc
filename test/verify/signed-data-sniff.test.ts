/**
 * looksLikeSignedData says no from the first byte after the blanks when that byte can start neither base64 nor
 * a PEM line (issue 22: the XML content of every p7m of a batch is asked): the answer must be the one of the
 * full text test, which this test keeps as it was, on crafted heads — blanks of every kind JS's trimStart knows
 * in latin1, PEM, bare base64 of a SignedData and of something else, XML, binary, empty, only blanks. The same
 * for looksLikeM7m (asked of every file by the verifier dispatch), which says no from a first byte that cannot
 * start its header names.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeSignedData } from '../../electron/core/verify/nested-capture';
import { looksLikeM7m } from '../../electron/core/timestamp/m7m-reader';

const SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex');

function binaryLooksSigned(b: Uint8Array): boolean {
  return b[0] === 0x30 && Buffer.from(b.subarray(0, 24)).includes(SIGNED_DATA_OID);
}

/** the test as it was before the first-byte shortcut */
function reference(head: Uint8Array): boolean {
  if (binaryLooksSigned(head)) return true;
  let text = Buffer.from(head.subarray(0, 1024)).toString('latin1').trimStart();
  if (text.startsWith('-----BEGIN')) text = text.slice(text.indexOf('\n') + 1);
  const b64 = text.replace(/[\r\n\t ]/g, '').match(/^[A-Za-z0-9+/]{32,}/)?.[0];
  if (!b64) return false;
  return binaryLooksSigned(Buffer.from(b64.slice(0, b64.length - (b64.length % 4)), 'base64'));
}

// a ContentInfo of type signedData, as the first bytes of a p7m
const DER = Buffer.concat([
  Buffer.from('3082100006092a864886f70d010702a0821000', 'hex'),
  Buffer.alloc(40, 7),
]);
const B64 = DER.toString('base64');
const BLANKS = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x85, 0x00, 0xef, 0xbb, 0xbf];

/** a small deterministic generator: the same cases on every run */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('looksLikeSignedData: the first-byte shortcut keeps every answer', () => {
  const fixed: [string, Buffer][] = [
    ['DER', DER],
    ['base64', Buffer.from(B64)],
    ['PEM', Buffer.from(`-----BEGIN PKCS7-----\n${B64}\n-----END PKCS7-----\n`)],
    ['PEM CRLF after blanks', Buffer.from(`\r\n \t-----BEGIN CMS-----\r\n${B64}\r\n`)],
    [
      'base64 after no-break space and VT/FF',
      Buffer.concat([Buffer.from([0xa0, 0x0b, 0x0c]), Buffer.from(B64)]),
    ],
    ['XML', Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<p:FatturaElettronica/>')],
    ['XML after blanks', Buffer.from('\n\n   <a/>')],
    ['BOM then base64', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(B64)])],
    ['NEL then base64', Buffer.concat([Buffer.from([0x85]), Buffer.from(B64)])],
    ['empty', Buffer.alloc(0)],
    ['only blanks', Buffer.alloc(3000, 0x20)],
    ['blanks past 1 KiB then base64', Buffer.concat([Buffer.alloc(1030, 0x0a), Buffer.from(B64)])],
    ['base64 of other bytes', Buffer.from(Buffer.alloc(60, 1).toString('base64'))],
    ['dash but no PEM', Buffer.from(`-${B64}`)],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3')],
  ];
  for (const [name, head] of fixed) {
    it(name, () => {
      expect(looksLikeSignedData(head)).toBe(reference(head));
    });
  }

  it('the same answer on thousands of generated heads', () => {
    const r = rng(22);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
    const bodies = [B64, `-----BEGIN PKCS7-----\n${B64}`, '<x/>', 'MIIB', '+/+/', '0', '=', '#', '\u00e9'];
    let yes = 0;
    for (let n = 0; n < 5000; n++) {
      const lead = Array.from({ length: Math.floor(r() * 6) }, () => pick(BLANKS));
      const body = Buffer.from(pick(bodies), 'latin1');
      const tail = Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * 256));
      const head = Buffer.concat([Buffer.from(lead), body, Buffer.from(tail)]);
      const want = reference(head);
      if (want) yes++;
      expect(looksLikeSignedData(head), head.toString('hex')).toBe(want);
    }
    expect(yes).toBeGreaterThan(100); // the generated heads include SignedData ones too
  });
});

/** looksLikeM7m as it was before the first-byte shortcut */
function m7mReference(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('latin1');
  return /^(mime-version|content-type)\s*:/i.test(text) && /multipart\//i.test(text);
}

describe('looksLikeM7m: the first-byte shortcut keeps every answer', () => {
  it('every first byte before M7M headers, and the headers as they are', () => {
    const rest = ['ime-Version: 1.0\r\nContent-Type: multipart/mixed', 'ONTENT-TYPE : Multipart/Signed', ''];
    let yes = 0;
    for (let c = 0; c < 256; c++) {
      for (const r of rest) {
        const head = Buffer.concat([Buffer.from([c]), Buffer.from(r, 'latin1')]);
        const want = m7mReference(head);
        if (want) yes++;
        expect(looksLikeM7m(head), `first byte ${c}`).toBe(want);
      }
    }
    expect(yes).toBe(4); // m, M, c, C with the header that fits them
    for (const head of [Buffer.alloc(0), DER, Buffer.from('Mime-Version:1.0\nContent-Type: multipart/x')]) {
      expect(looksLikeM7m(head)).toBe(m7mReference(head));
    }
  });
});
