/** The objects of one revision (or the latest) of a PdfReader, read on demand and kept. */
import { asDict, PdfRef, type PdfDict, type PdfValue } from './pdf-objects';
import { pdfObjectLoop } from './pdf-errors';
import type { PdfReader } from './pdf-reader';
import type { XrefEntry, XrefSection } from './xref';

/** Objects as they are at one revision (or the latest). */
export class ObjectStore {
  private cache = new Map<number, PdfValue>();
  private merged: Map<number, XrefEntry> | undefined;
  constructor(
    private readonly reader: PdfReader,
    /** the merged entries, or the sections (newest first) to look each number up in, merged only if asked */
    from: Map<number, XrefEntry> | XrefSection[],
    /** where this revision ends: an object whose xref offset is wrong is looked for before it */
    readonly end = Number.MAX_SAFE_INTEGER,
  ) {
    if (from instanceof Map) this.merged = from;
    else if (from.length > LAYERED_SECTIONS) this.merged = reader.mergedEntries(from);
    else this.layers = from;
  }
  /** a few sections are looked up one after the other instead of copied into one more table per revision */
  private readonly layers: XrefSection[] | undefined;

  /** the entries of this revision: for each number, the one of the newest section that has it */
  get entries(): Map<number, XrefEntry> {
    return (this.merged ??= this.reader.mergedEntries(this.layers!));
  }

  /** the entry of one number (entries.get, without merging the sections) */
  entry(num: number): XrefEntry | undefined {
    if (this.merged) return this.merged.get(num);
    // indexed: no iterator per lookup (one lookup per object read, mostly before the JIT)
    const layers = this.layers!;
    for (let i = 0; i < layers.length; i++) {
      const e = layers[i]!.entries.get(num);
      if (e) return e;
    }
    return undefined;
  }

  /** told every object number read (pages-reuse.ts records what a page-tree walk depended on) */
  onRead: ((num: number) => void) | undefined;

  get(num: number): PdfValue | undefined {
    this.onRead?.(num);
    // one lookup: a missing object is cached as null, so undefined means not read yet
    const hit = this.cache.get(num);
    if (hit !== undefined) return hit;
    const e = this.entry(num);
    let v: PdfValue | undefined;
    if (!e || e.type === 'free') v = undefined;
    else if (e.type === 'offset') {
      if (e.offset <= 0) v = undefined;
      // kept here too when the reader shares parsed objects: an object read again in the same revision (the
      // page tree then the roles walk, a font of 5000 pages) is one lookup instead of its xref entry's and the
      // reader's (a table of 10 000 numbers per revision, ~1 MB for three)
      else v = this.reader.readObjectOrFind(e.offset, num, e.gen, this.end);
    } else v = this.reader.compressedObject(e.stream, e.index, num, this);
    this.cache.set(num, v ?? null);
    return v;
  }

  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (v instanceof PdfRef) {
      if (depth > 32) throw pdfObjectLoop(`reference ${v.num} ${v.gen} R`);
      return this.resolve(this.get(v.num), depth + 1);
    }
    return v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    return asDict(this.resolve(v));
  }
}

/** revisions of up to this many sections look their entries up section by section (no merged copy) */
const LAYERED_SECTIONS = 8;
