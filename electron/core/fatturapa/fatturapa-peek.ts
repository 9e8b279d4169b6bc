/**
 * Watches the signed content of a p7m as it streams by (NestedCapture's plain sink) and keeps it only when it
 * starts like XML and stays under a cap, so `fattura.xml.p7m` gets its FatturaPA key data in the report without
 * a second read, while a 1 GiB PDF inside a p7m costs nothing.
 */
import type { FatturaPaSummary } from './fatturapa-types';
import { fatturaPaFromBytes } from './fatturapa';
import { asciiCompatible, decodeXml, looksLikeXml, xmlDecoderOf } from '../xml/xml-decode';
import { mayBeFatturaPaBytes, needle } from './may-be-invoice-bytes';

export const MAX_PEEK_BYTES = 16 * 1024 * 1024;

const FATTURAPA_NS = 'ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.';
const NS_BYTES = needle(FATTURAPA_NS);

/**
 * false only when the first bytes show for sure that the root element is not a FatturaPA invoice (another
 * name, or no FatturaPA namespace in its start tag): the full XML parse (~1 ms for 17 KB) is then skipped.
 * Anything unusual (a long prolog, a character reference in the start tag) → true, and the parse decides.
 */
export function mayBeFatturaPa(head: string): boolean {
  let i = 0;
  for (;;) {
    while (i < head.length && ' \t\r\n\ufeff'.includes(head[i]!)) i++;
    const close = head.startsWith('<?', i) ? '?>' : head.startsWith('<!--', i) ? '-->' : undefined;
    if (close) {
      const end = head.indexOf(close, i + 2);
      if (end < 0) return true;
      i = end + close.length;
      continue;
    }
    break;
  }
  if (head[i] !== '<' || head.startsWith('<!', i)) return true;
  const tagEnd = head.indexOf('>', i);
  if (tagEnd < 0) return true;
  const tag = head.slice(i, tagEnd);
  const local = /^<(?:[^\s/>:]+:)?([^\s/>:]+)/.exec(tag)?.[1];
  if (local !== 'FatturaElettronica') return false;
  // the namespace anywhere further on (an attribute value may hold a '>'), or a reference that could spell it
  return head.includes(FATTURAPA_NS, i) || head.includes('&', i);
}

/** the bytes whose text mayBeFatturaPa judges */
const HEAD_BYTES = 8192;

/** what summary() would decide from the first HEAD_BYTES of the content: false = surely no invoice */
export function headMayBeInvoice(head: Uint8Array): boolean {
  try {
    const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    const { decoder, bom } = xmlDecoderOf(b);
    const fast = asciiCompatible(decoder) ? mayBeFatturaPaBytes(b, bom, NS_BYTES) : undefined;
    return fast ?? mayBeFatturaPa(decodeXml(head));
  } catch {
    return false;
  }
}

export class FatturaPaPeek {
  private chunks: Buffer[] = [];
  private length = 0;
  private state: 'start' | 'collecting' | 'dropped' = 'start';
  /** the first HEAD_BYTES were seen and may be an invoice's */
  private headKept = false;

  readonly sink = async (chunk: Uint8Array): Promise<void> => {
    if (this.state === 'dropped') return;
    if (this.state === 'start') this.state = looksLikeXml(chunk) ? 'collecting' : 'dropped';
    if (this.state === 'dropped') return;
    // the root element decides as soon as its bytes are in: XML that is no invoice is not kept (no copies)
    if (!this.headKept && this.length === 0 && chunk.length >= HEAD_BYTES) {
      if (!headMayBeInvoice(chunk.subarray(0, HEAD_BYTES))) return this.drop();
      this.headKept = true;
    }
    this.length += chunk.length;
    if (this.length > MAX_PEEK_BYTES) return this.drop();
    this.chunks.push(Buffer.from(chunk));
    if (!this.headKept && this.length >= HEAD_BYTES) {
      if (!headMayBeInvoice(Buffer.concat(this.chunks).subarray(0, HEAD_BYTES))) return this.drop();
      this.headKept = true;
    }
    await Promise.resolve();
  };

  private drop(): void {
    this.state = 'dropped';
    this.chunks = [];
  }

  /** false once the content is known not to be kept (not XML, or past the cap): its next bytes do not matter */
  readonly wants = (): boolean => this.state !== 'dropped';

  /** the invoice summary, when the content seen was a FatturaPA invoice */
  summary(): FatturaPaSummary | undefined {
    if (this.state !== 'collecting') return undefined;
    const bytes = Buffer.concat(this.chunks);
    if (!this.headKept && !headMayBeInvoice(bytes.subarray(0, HEAD_BYTES))) return undefined;
    return fatturaPaFromBytes(bytes);
  }
}
