/** The bytes of a PDF string or name being parsed, bounded by MAX_STRING_BYTES. */
import { pdfObjectTooLarge } from './pdf-errors';
import { MAX_STRING_BYTES } from './pdf-limits';

/** a growable byte buffer for strings and names: never a JS number array (8+ bytes per byte) */
export class Bytes {
  private b = Buffer.allocUnsafe(64);
  length = 0;
  push(c: number): void {
    if (this.length === this.b.length) {
      if (this.length >= MAX_STRING_BYTES) throw pdfObjectTooLarge(`string over ${MAX_STRING_BYTES} bytes`);
      const n = Buffer.allocUnsafe(this.length * 2);
      this.b.copy(n);
      this.b = n;
    }
    this.b[this.length++] = c;
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.b.subarray(0, this.length));
  }
}
