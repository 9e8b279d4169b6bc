/**
 * The reader's bounds against hostile files (issue 19): each one far above what a real PDF needs, so that a
 * crafted file is refused with its own error code (pdf-errors.ts) instead of exhausting memory, time or stack.
 */

/** decoded bytes of one stream (an xref stream of a few million objects, a large object stream) */
export const MAX_STREAM_OUTPUT = 64 << 20;
/** decoded bytes of all streams of one file: this much plus 8× the file size */
export const MAX_FILE_OUTPUT_BASE = 512 << 20;
export const MAX_FILE_OUTPUT_PER_BYTE = 8;
/** filters applied to one stream */
export const MAX_FILTERS = 8;
/** the largest window an object (dictionary, array, xref table) is parsed from: streams' data is skipped */
export const MAX_OBJECT_WINDOW = 64 << 20;
/** nesting of arrays and dictionaries in one object */
export const MAX_NESTING = 512;
/** values (numbers, names, strings, references…) in one parsed object */
export const MAX_VALUES = 2_000_000;
/** bytes of one string or name */
export const MAX_STRING_BYTES = 16 << 20;
/** cross-reference entries over all sections: this many at least, more for a big file (one per 32 bytes) */
export const MIN_XREF_ENTRIES = 500_000;
export const XREF_BYTES_PER_ENTRY = 32;
/** cross-reference sections along /Prev (a 25-signature PDF has a few dozen) */
export const MAX_SECTIONS = 4096;
/** streams whose /Length is read while reading another stream's /Length (a real file: one or two) */
export const MAX_LENGTH_CHAIN = 32;
/** bytes of a signature's /Contents (a CMS with embedded chains, CRLs and OCSP responses is well below) */
export const MAX_SIGNATURE_CONTENTS = 8 << 20;
/** numbers kept of a /ByteRange (a valid one has 4) */
export const MAX_BYTE_RANGE_ITEMS = 64;

export function xrefEntryLimit(fileSize: number): number {
  return Math.max(MIN_XREF_ENTRIES, Math.floor(fileSize / XREF_BYTES_PER_ENTRY));
}

export function fileOutputLimit(fileSize: number): number {
  return MAX_FILE_OUTPUT_BASE + MAX_FILE_OUTPUT_PER_BYTE * fileSize;
}
