/**
 * Where a signature's /Contents gap really is: the signature dictionary found in the latest revision may be a
 * later copy (a spoofing update that points the field at a duplicate), while the bytes the CMS signs hold the
 * original. The gap belongs to a signature when, in the revision it signs, the object that starts last before the
 * gap is a dictionary with the same /ByteRange and /Contents (DSS and pyHanko read the signed revision too).
 */
import type { ByteSource } from './file-source';
import { asArray, asNumber, PdfDict, PdfString } from './pdf-objects';
import type { PdfSignatureInfo } from './pdf-signatures';
import { withWindow, type XrefSection } from './xref';

export function signedRevisionHoldsGap(
  sig: PdfSignatureInfo,
  src: ByteSource,
  sections: XrefSection[],
  gapStart: number,
  signedEnd: number,
): boolean {
  let best = -1;
  for (const s of sections) {
    if (s.end > signedEnd) continue;
    for (const e of s.entries.values()) {
      if (e.type === 'offset' && e.offset < gapStart && e.offset > best) best = e.offset;
    }
  }
  if (best <= 0) return false;
  try {
    const obj = withWindow(src, best, 16384, (p) =>
      p.indirectObject(() => {
        throw new Error('a stream is no signature dictionary');
      }),
    );
    const d = obj.value;
    if (!(d instanceof PdfDict) || obj.end <= gapStart) return false;
    const br = (asArray(d.get('ByteRange')) ?? []).map((x) => asNumber(x));
    const contents = d.get('Contents');
    return (
      br.length === sig.byteRange.length &&
      br.every((x, i) => x === sig.byteRange[i]) &&
      contents instanceof PdfString &&
      Buffer.from(contents.bytes).equals(Buffer.from(sig.contents))
    );
  } catch {
    return false;
  }
}
