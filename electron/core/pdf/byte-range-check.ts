/**
 * ByteRange sanity (PAdES, ISO 32000-1 §12.8.1): two ranges, the first at 0, the gap holding exactly this
 * signature's /Contents hex string inside its own dictionary, the end at the end of a revision.
 */
import { t } from '../i18n/translate';
import type { ByteSource } from './file-source';
import type { XrefSection } from './xref';
import type { PdfSignatureInfo } from './pdf-signatures';
import { signedRevisionHoldsGap } from './signed-dict';
import { isWhite } from './pdf-chars';

const MAX_GAP = 16 * 1024 * 1024;

export interface ByteRangeCheck {
  ok: boolean;
  problems: string[];
  ranges: [number, number][];
  /** where the signed bytes end */
  signedEnd: number;
  /** 1-based revision the signature covers, or null when its end is not a revision end */
  revision: number | null;
  coversWholeDocument: boolean;
}

/**
 * Revisions by end offset: the distinct section ends, ascending. The first-page section of a linearized file
 * (whose /Prev points forward, to the main section) is part of the same revision, not one of its own.
 */
export function revisionEnds(sections: XrefSection[]): { eof: number; end: number }[] {
  const byEnd = new Map<number, number>();
  sections.forEach((s, i) => {
    const prev = sections[i + 1];
    if (prev && prev.offset > s.offset) return;
    byEnd.set(s.end, s.eof);
  });
  return [...byEnd].map(([end, eof]) => ({ eof, end })).sort((a, b) => a.end - b.end);
}

export function checkByteRange(
  sig: PdfSignatureInfo,
  src: ByteSource,
  sections: XrefSection[],
): ByteRangeCheck {
  const br = sig.byteRange;
  const problems: string[] = [];
  const size = src.size;
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < br.length; i += 2) ranges.push([br[i]!, br[i + 1]!]);
  const wellFormed = br.length === 4 && br.every((n) => Number.isSafeInteger(n) && n >= 0);
  const last = ranges[ranges.length - 1];
  const signedEnd = last ? last[0] + last[1] : 0;
  if (!wellFormed) {
    problems.push(
      t({ it: '/ByteRange non valido: {br}.', en: 'Invalid /ByteRange: {br}.' }, { br: JSON.stringify(br) }),
    );
  } else {
    const [a, b, c, d] = br as [number, number, number, number];
    if (a !== 0)
      problems.push(t({ it: 'Il /ByteRange non parte da 0.', en: 'The /ByteRange does not start at 0.' }));
    if (c < a + b)
      problems.push(t({ it: 'Gli intervalli firmati si sovrappongono.', en: 'The signed ranges overlap.' }));
    if (c + d > size)
      problems.push(
        t({
          it: 'Il /ByteRange va oltre la fine del file.',
          en: 'The /ByteRange goes beyond the end of the file.',
        }),
      );
    const gapStart = a + b;
    // a /Contents gap is a few KiB to a few MiB: a larger one is not read (and cannot be valid)
    const gap = c > gapStart && c - gapStart <= MAX_GAP ? src.read(gapStart, c - gapStart) : Buffer.alloc(0);
    const hex = gap.subarray(1, gap.length - 1).toString('latin1');
    const gapOk =
      gap.length >= 2 &&
      gap[0] === 0x3c &&
      gap[gap.length - 1] === 0x3e &&
      /^[0-9a-fA-F\s]*$/.test(hex) &&
      contentsMatch(hex, sig.contents);
    const insideDict =
      sig.objectOffset === undefined ||
      (gapStart > sig.objectOffset && gapStart < signedEnd) ||
      (gapOk && signedRevisionHoldsGap(sig, src, sections, gapStart, signedEnd));
    if (!gapOk || !insideDict) {
      problems.push(
        t({
          it: 'La parte non firmata del file non è esattamente il /Contents della firma.',
          en: 'The unsigned part of the file is not exactly the signature /Contents.',
        }),
      );
    }
  }
  const revs = revisionEnds(sections);
  const idx = revs.findIndex((r) => signedEnd >= r.eof && signedEnd <= r.end);
  if (wellFormed && idx < 0) {
    problems.push(
      t({
        it: 'La firma non copre una revisione completa del documento.',
        en: 'The signature does not cover a complete revision of the document.',
      }),
    );
  }
  // the whole document only when nothing but white space follows the signed bytes: an appended `startxref`
  // alone can make readers take another cross-reference section (ISO 32000-1 §7.5.5: the last one counts)
  const coversWholeDocument = wellFormed && signedEnd <= size && onlyWhiteSpaceAfter(src, signedEnd);
  return {
    ok: problems.length === 0,
    problems,
    // only well-formed ranges inside the file are ever hashed (a hostile one has problems, so is invalid anyway)
    ranges: wellFormed && signedEnd <= size ? ranges : [],
    signedEnd,
    revision: idx >= 0 ? idx + 1 : null,
    coversWholeDocument,
  };
}

/** bytes after `at` that may follow a file's last %%EOF without being part of it (PDF white space) */
const MAX_TRAILING_WHITE = 4096;

function onlyWhiteSpaceAfter(src: ByteSource, at: number): boolean {
  const rest = src.size - at;
  if (rest === 0) return true;
  if (rest > MAX_TRAILING_WHITE) return false;
  return src.read(at, rest).every((c) => isWhite(c));
}

function contentsMatch(hex: string, contents: Uint8Array): boolean {
  const clean = hex.replace(/\s+/g, '');
  const bytes = Buffer.from(clean.length % 2 ? clean + '0' : clean, 'hex');
  return bytes.equals(Buffer.from(contents));
}
