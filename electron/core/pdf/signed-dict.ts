/**
 * Where a signature's /Contents gap really is: the signature dictionary found in the latest revision may be a
 * later copy (a spoofing update that points the field at a duplicate), while the bytes the CMS signs hold the
 * original. The gap belongs to a signature when, in the revision it signs, the object that starts last before the
 * gap is a dictionary with the same /ByteRange and /Contents (DSS and pyHanko read the signed revision too).
 */
import type { ByteSource } from './file-source';
import { asArray, asNumber, PdfDict, PdfString, type PdfValue } from './pdf-objects';
import type { PdfSignatureInfo } from './pdf-signatures';
import { withWindow, type XrefSection } from './xref';

/** an object of the file as its own bytes read it, with where it starts */
export interface GapHolder {
  offset: number;
  num: number;
  value: PdfValue;
}

/**
 * The object the gap lies in: of the objects the given sections place before the gap, the one starting last,
 * when it reaches past the gap's start (a stream is never one); undefined otherwise.
 */
export function objectHoldingGap(
  src: ByteSource,
  sections: XrefSection[],
  gapStart: number,
): GapHolder | undefined {
  let best = -1;
  for (const s of sections) {
    for (const e of s.entries.values()) {
      if (e.type === 'offset' && e.offset < gapStart && e.offset > best) best = e.offset;
    }
  }
  if (best <= 0) return undefined;
  try {
    const obj = withWindow(src, best, 16384, (p) =>
      p.indirectObject(() => {
        throw new Error('a stream is no signature dictionary');
      }),
    );
    return obj.end > gapStart ? { offset: best, num: obj.num, value: obj.value } : undefined;
  } catch {
    return undefined;
  }
}

/** a signature dictionary with this signature's /ByteRange and /Contents */
export function sameSignatureDict(d: PdfValue | undefined, sig: PdfSignatureInfo): boolean {
  if (!(d instanceof PdfDict)) return false;
  const br = (asArray(d.get('ByteRange')) ?? []).map((x) => asNumber(x));
  const contents = d.get('Contents');
  return (
    br.length === sig.byteRange.length &&
    br.every((x, i) => x === sig.byteRange[i]) &&
    contents instanceof PdfString &&
    Buffer.from(contents.bytes).equals(Buffer.from(sig.contents))
  );
}

export function signedRevisionHoldsGap(
  sig: PdfSignatureInfo,
  src: ByteSource,
  sections: XrefSection[],
  gapStart: number,
  signedEnd: number,
): boolean {
  const holder = objectHoldingGap(
    src,
    sections.filter((s) => s.end <= signedEnd),
    gapStart,
  );
  return holder !== undefined && sameSignatureDict(holder.value, sig);
}
