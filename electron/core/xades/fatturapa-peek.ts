/**
 * Watches the signed content of a p7m as it streams by (NestedCapture's plain sink) and keeps it only when it
 * starts like XML and stays under a cap, so `fattura.xml.p7m` gets its FatturaPA key data in the report without
 * a second read, while a 1 GiB PDF inside a p7m costs nothing.
 */
import type { FatturaPaSummary } from './fatturapa-types';
import { fatturaPaFromBytes } from './fatturapa';
import { looksLikeXml } from './xml-safe';

export const MAX_PEEK_BYTES = 16 * 1024 * 1024;

export class FatturaPaPeek {
  private chunks: Buffer[] = [];
  private length = 0;
  private state: 'start' | 'collecting' | 'dropped' = 'start';

  readonly sink = async (chunk: Uint8Array): Promise<void> => {
    if (this.state === 'dropped') return;
    if (this.state === 'start') this.state = looksLikeXml(chunk) ? 'collecting' : 'dropped';
    if (this.state === 'dropped') return;
    this.length += chunk.length;
    if (this.length > MAX_PEEK_BYTES) {
      this.state = 'dropped';
      this.chunks = [];
      return;
    }
    this.chunks.push(Buffer.from(chunk));
    await Promise.resolve();
  };

  /** the invoice summary, when the content seen was a FatturaPA invoice */
  summary(): FatturaPaSummary | undefined {
    if (this.state !== 'collecting') return undefined;
    return fatturaPaFromBytes(Buffer.concat(this.chunks));
  }
}
