/**
 * The FatturaPA peek of a p7m's content decides from the first 8 KiB whether the content may be an invoice as
 * soon as they are in (issue 22: the XML of a batch that is no invoice is then not kept): the summary must be
 * the same whatever the chunking of the content, and equal to parsing the whole bytes at once.
 */
import { describe, expect, it } from 'vitest';
import { FatturaPaPeek } from '../../electron/core/fatturapa/fatturapa-peek';
import { fatturaPaFromBytes } from '../../electron/core/fatturapa/fatturapa';
import { invoiceXml } from '../xades/support/fatturapa-sample';

/** a long comment before the root element pushes it past any chunk boundary we test */
function padded(xml: string, before: number): Buffer {
  const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const body = xml.slice(xml.indexOf('?>') + 2);
  return Buffer.from(`${decl}<!--${'x'.repeat(before)}-->${body}`);
}

async function peekInChunks(bytes: Buffer, sizes: number[]) {
  const peek = new FatturaPaPeek();
  const wants: boolean[] = [];
  for (let off = 0, i = 0; off < bytes.length; i++) {
    const n = sizes[i % sizes.length] as number;
    // the reader may reuse its buffer once the promise settles: hand a copy and scribble over it afterwards
    const chunk = Buffer.from(bytes.subarray(off, off + n));
    await peek.sink(chunk);
    chunk.fill(0x41);
    wants.push(peek.wants());
    off += n;
  }
  return { summary: peek.summary(), wants };
}

describe('FatturaPA peek: the decision on the first 8 KiB', () => {
  const invoice = Buffer.from(invoiceXml());
  const expected = fatturaPaFromBytes(invoice);

  it('an invoice gets the summary of the whole bytes whatever the chunking', async () => {
    expect(expected?.transmissionFormat).toBe('FPR12');
    // root element early, root element after 8 KiB (the parse decides), chunks across the 8 KiB mark
    for (const bytes of [invoice, padded(invoiceXml(), 9000), padded(invoiceXml(), 7000)]) {
      const whole = fatturaPaFromBytes(bytes);
      // the first chunk holds at least the 96 bytes ContentWatch gathers before handing the content on
      for (const sizes of [[bytes.length], [96, 1], [100, 8000, 3], [8192], [8191, 2], [10_000]]) {
        const r = await peekInChunks(bytes, sizes);
        expect(r.summary).toEqual(whole);
        expect(r.wants.every(Boolean)).toBe(true);
      }
    }
  });

  it('XML whose root element is no invoice is dropped once its first 8 KiB are in, whatever the chunking', async () => {
    const other = Buffer.from(
      `<?xml version="1.0"?>\n<p:FatturaElettronica versione="FPR12">${'<Riga>1</Riga>'.repeat(2000)}</p:FatturaElettronica>`,
    );
    for (const sizes of [[other.length], [100, 8000, 3], [8192], [4096], [1000]]) {
      const r = await peekInChunks(other, sizes);
      expect(r.summary).toBeUndefined();
      // wanted until 8 KiB are in, then no more
      let seen = 0;
      r.wants.forEach((w, i) => {
        seen += Math.min(sizes[i % sizes.length] as number, other.length - seen);
        expect(w).toBe(seen < 8192);
      });
    }
  });

  it('a short XML (under 8 KiB) is decided at the end, as before', async () => {
    const short = Buffer.from('<?xml version="1.0"?><Ordine xmlns="urn:x"><Riga/></Ordine>');
    expect((await peekInChunks(short, [96, 7])).summary).toBeUndefined();
    const inv = Buffer.from(invoiceXml());
    expect(inv.length).toBeLessThan(8192);
    expect((await peekInChunks(inv, [96, 7])).summary).toEqual(expected);
  });
});
