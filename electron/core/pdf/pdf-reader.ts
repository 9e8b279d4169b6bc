/**
 * Sigillo's PDF reader: reads the tail and the cross-reference chain, then objects by offset on demand, so a
 * big file is never loaded into memory. Can also give the view of the document at an earlier revision.
 */
import { FileSource, type ByteSource, type Window } from './file-source';
import {
  asArray,
  asNumber,
  isName,
  PdfDict,
  PdfRef,
  PdfStream,
  PdfString,
  type PdfValue,
} from './pdf-objects';
import { PdfParser, type ParsedObject } from './pdf-parser';
import { notAPdf, pdfBroken, pdfEncrypted, pdfObjectLoop } from './pdf-errors';
import { decodeStream, InflateBudget } from './flate';
import { fileOutputLimit, MAX_LENGTH_CHAIN, MAX_VALUES } from './pdf-limits';
import { PdfDecryptor } from './pdf-decrypt';
import { readAllSections, withWindow, type XrefEntry, type XrefSection } from './xref';
import {
  indexByNumber,
  lastObjectBefore,
  reconstructSections,
  scanFile,
  type FoundObjects,
} from './xref-reconstruct';
import { SigilloError } from '../errors';
import { fileError } from '../files/input-file';
import { headerNumber } from './object-header';
import { ObjectStore } from './object-store';

export { ObjectStore } from './object-store';

interface ObjStm {
  data: Uint8Array;
  first: number;
  offsets: number[];
  nums: number[];
  /** member numbers listed more than once */
  twice: Set<number>;
}

/** bytes read at an object's offset first (a bigger object asks for more) */
const OBJECT_WINDOW = 16384;

export class PdfReader {
  readonly sections: XrefSection[];
  /** the cross-reference data was damaged and rebuilt by scanning the file */
  readonly reconstructed: boolean;
  /** some xref offsets were wrong and their objects were found by scanning the file */
  repaired = false;
  private found: { objects: FoundObjects; index: Map<number, number[]> } | undefined;
  readonly latest: ObjectStore;
  /** decryption with the empty user password (undefined: not encrypted, or a password is needed) */
  private crypt: PdfDecryptor | undefined;
  private encryptNum: number | undefined;
  /** object number and generation of each stream read, for its decryption key */
  private readonly streamIds = new WeakMap<PdfStream, [number, number]>();
  private objStms = new Map<number, ObjStm>();
  private readonly lengthsInProgress = new Set<number>();
  /**
   * Objects parsed by offset, shared by every revision's store (the same bytes are the same object in each):
   * on for verification (fast-paths.ts), whose revisions are only read, never edited.
   */
  shareParsed = false;
  private readonly parsed = new Map<number, { num: number; gen: number; v: PdfValue }>();
  /** decoded bytes all the file's streams may still produce (flate bombs) */
  private readonly inflate: InflateBudget;

  private constructor(readonly src: ByteSource) {
    this.inflate = new InflateBudget(fileOutputLimit(src.size));
    const head = src.read(0, 1024).toString('latin1');
    if (!head.includes('%PDF-')) throw notAPdf();
    const deps = {
      src,
      objectAt: (off: number) => this.objectAt(off),
      decode: (s: PdfStream) => this.decoded(s),
    };
    let sections: XrefSection[];
    try {
      sections = readAllSections(deps);
      this.reconstructed = false;
    } catch (e) {
      if (!(e instanceof SigilloError) || e.code !== 'PDF_BROKEN') throw e;
      sections = reconstructSections(src, deps.objectAt, deps.decode);
      this.reconstructed = true;
    }
    this.sections = sections;
    if (this.sections.length === 0) throw pdfBroken('no cross-reference');
    // looked up section by section (a few sections): the 10 000 entries are copied into one table only if asked
    this.latest = new ObjectStore(this, this.sections);
    // the newest trailer that names it: an update's trailer should repeat /Encrypt, a sloppy one may not
    const enc = this.encryptEntry();
    if (enc !== undefined) {
      // read (and cached) before decryption is set up: the /Encrypt dictionary's strings are not encrypted
      this.encryptNum = enc instanceof PdfRef ? enc.num : undefined;
      const id = asArray(this.sections.find((s) => s.trailer.has('ID'))?.trailer.get('ID'))?.[0];
      try {
        const dict = this.latest.dict(enc);
        this.crypt = dict && PdfDecryptor.open(dict, id instanceof PdfString ? id.bytes : new Uint8Array());
      } catch {
        // an unreadable /Encrypt: no key (strings stay as they are, encrypted streams are refused)
        this.crypt = undefined;
      }
    }
  }

  private encryptEntry(): PdfValue | undefined {
    return this.sections.find((s) => s.trailer.has('Encrypt'))?.trailer.get('Encrypt');
  }

  private encryptedFile: boolean | undefined;
  /** the document is encrypted (standard security handler or other); asked for every stream read */
  get encrypted(): boolean {
    if (this.encryptedFile !== undefined) return this.encryptedFile;
    const e = this.encryptEntry() !== undefined;
    // the sections never change once read: the answer is kept from then on
    if (this.sections) this.encryptedFile = e;
    return e;
  }

  static open(path: string): PdfReader {
    let src: FileSource;
    try {
      src = new FileSource(path);
    } catch (e) {
      throw fileError(e, path);
    }
    try {
      return new PdfReader(src);
    } catch (e) {
      src.close();
      throw e;
    }
  }

  static fromSource(src: ByteSource): PdfReader {
    return new PdfReader(src);
  }

  close(): void {
    this.src.close();
  }

  get trailer(): PdfDict {
    return this.sections[0]!.trailer;
  }

  get size(): number {
    return this.src.size;
  }

  /** throws PDF_ENCRYPTED for encrypted documents */
  assertNotEncrypted(): void {
    if (this.encrypted) throw pdfEncrypted();
  }

  catalog(store: ObjectStore = this.latest): PdfDict {
    const root = store.dict(this.trailer.get('Root'));
    if (!root) throw pdfBroken('no document catalog');
    return root;
  }

  /** the newest-first merge of the given sections */
  mergedEntries(sections: XrefSection[]): Map<number, XrefEntry> {
    const m = new Map<number, XrefEntry>();
    for (const s of sections) for (const [num, e] of s.entries) if (!m.has(num)) m.set(num, e);
    return m;
  }

  /** the objects as they were in the revision ending at `end` (the sections ending at or before it) */
  storeAt(end: number): ObjectStore {
    return new ObjectStore(
      this,
      this.sections.filter((s) => s.end <= end),
      end,
    );
  }

  /** one parse callback for every object (no two closures made per object read) */
  private readonly indirect = (p: PdfParser): ParsedObject => p.indirectObject(this.streamLength);
  private readonly streamLength = (v: PdfValue | undefined): number => this.lengthOf(v);

  /** `first`: the first window at `offset`, when already read */
  objectAt(offset: number, expectNum?: number, first?: Window): ParsedObject {
    if (offset <= 0 || offset >= this.src.size) throw pdfBroken(`object offset ${offset} out of the file`);
    const obj = withWindow(this.src, offset, OBJECT_WINDOW, this.indirect, first);
    if (expectNum !== undefined && obj.num !== expectNum) {
      throw pdfBroken(`object ${expectNum} expected at ${offset}, found ${obj.num}`);
    }
    return obj;
  }

  /**
   * The object at its xref offset or, when the offset is wrong (another object or none there: a damaged or
   * shifted table), where a viewer's reconstruction finds it: its last `num gen obj` before the revision's end.
   */
  readObjectOrFind(offset: number, num: number, gen: number, end: number): PdfValue {
    const hit = this.shareParsed ? this.parsed.get(offset) : undefined;
    if (hit && hit.num === num && hit.gen === gen) return hit.v;
    // a cheap look first: a table whose offsets are all wrong costs one scan, not one failed parse per object;
    // the window read for it is the one the object is then parsed from
    const src = this.src;
    let window: Window | undefined;
    if (offset > 0 && offset < src.size)
      window = src.window
        ? src.window(offset, OBJECT_WINDOW)
        : { at: offset, bytes: src.read(offset, OBJECT_WINDOW) };
    const head = window && headerNumber(window.bytes, 40, offset - window.at);
    // made only when needed: an error's stack costs more than reading the object
    let failure: unknown;
    if (head === num) {
      try {
        // not in the shared table (looked up above): parsed and kept without a second lookup
        if (this.shareParsed) return this.parseAndKeep(offset, num, gen, window);
        return this.parseObject(offset, num, gen, window);
      } catch (e) {
        if (!(e instanceof SigilloError) || e.code !== 'PDF_BROKEN') throw e;
        failure = e;
      }
    }
    const found = this.definitions();
    const at = lastObjectBefore(found.objects, found.index, num, gen, end, offset);
    if (at === undefined) throw failure ?? pdfBroken(`object ${num} expected at ${offset}`);
    this.repaired = true;
    return this.readObject(at, num, gen);
  }

  /** every `N G obj` header of the file, in file order, with an index by number (the file is scanned once) */
  definitions(): { objects: FoundObjects; index: Map<number, number[]> } {
    if (!this.found) {
      const objects = scanFile(this.src).objects;
      this.found = { objects, index: indexByNumber(objects) };
    }
    return this.found;
  }

  /** the object at an offset as the document means it: its strings decrypted in an encrypted file */
  readObject(offset: number, num: number, gen: number, window?: Window): PdfValue {
    if (!this.shareParsed) return this.parseObject(offset, num, gen, window);
    const hit = this.parsed.get(offset);
    if (hit && hit.num === num && hit.gen === gen) return hit.v;
    return this.parseAndKeep(offset, num, gen, window);
  }

  private parseAndKeep(offset: number, num: number, gen: number, window?: Window): PdfValue {
    const v = this.parseObject(offset, num, gen, window);
    this.parsed.set(offset, { num, gen, v });
    return v;
  }

  private parseObject(offset: number, num: number, gen: number, window?: Window): PdfValue {
    const obj = this.objectAt(offset, num, window);
    // an entry naming another generation than the object's header is damaged: viewers (poppler) rebuild the
    // whole table then; the object is read, and the file counts as repaired (diff/rules/rebuilt-view.ts)
    if (obj.gen !== gen) this.repaired = true;
    let v = obj.value;
    // cross-reference streams are never encrypted (looked at only in an encrypted file: one lookup less per stream)
    const crypt = this.crypt;
    if (crypt && num !== this.encryptNum && !(v instanceof PdfStream && isName(v.dict.get('Type'), 'XRef')))
      v = crypt.value(v, num, gen);
    // the number is needed only for a decryption key: none kept for the streams of a plain file
    if (v instanceof PdfStream && this.encrypted) this.streamIds.set(v, [num, gen]);
    return v;
  }

  private lengthOf(v: PdfValue | undefined): number {
    if (typeof v === 'number') return v;
    if (v instanceof PdfRef) {
      if (this.lengthsInProgress.has(v.num)) throw pdfObjectLoop(`stream /Length ${v.num} 0 R needs itself`);
      // each /Length in another object stream whose /Length is in another… nests the reading: bounded
      if (this.lengthsInProgress.size >= MAX_LENGTH_CHAIN)
        throw pdfObjectLoop(`chain of ${MAX_LENGTH_CHAIN} /Length references`);
      this.lengthsInProgress.add(v.num);
      try {
        const n = asNumber(this.latest?.get(v.num) ?? this.lookupEarly(v.num));
        if (n !== undefined) return n;
      } finally {
        this.lengthsInProgress.delete(v.num);
      }
    }
    throw pdfBroken('missing stream /Length');
  }

  /** /Length references while the sections are still being read (before `latest` exists) */
  private lookupEarly(num: number): PdfValue | undefined {
    for (const s of this.sections ?? []) {
      const e = s.entries.get(num);
      if (e?.type === 'offset') return this.objectAt(e.offset, num).value;
    }
    return undefined;
  }

  /** the raw (encoded) bytes of a stream */
  rawStream(s: PdfStream): Buffer {
    if (s.data) return Buffer.from(s.data);
    if (s.dataOffset + s.length > this.src.size) throw pdfBroken('stream beyond the end of the file');
    return this.src.read(s.dataOffset, s.length);
  }

  decoded(s: PdfStream): Uint8Array {
    let raw: Uint8Array = this.rawStream(s);
    const id = this.streamIds.get(s);
    // cross-reference streams are never encrypted (ISO 32000-1 §7.6.1)
    if (id && !isName(s.dict.get('Type'), 'XRef') && this.encrypted) {
      if (!this.crypt) throw pdfEncrypted();
      raw = this.crypt.stream(id[0], id[1], raw);
    }
    return decodeStream(s.dict, raw, this.inflate);
  }

  compressedObject(streamNum: number, index: number, num: number, store: ObjectStore): PdfValue | undefined {
    const where = store.entry(streamNum);
    // an object stream is never itself compressed (ISO 32000-1 §7.5.7): refusing it also stops loops
    if (where?.type === 'compressed')
      throw pdfObjectLoop(`object stream ${streamNum} inside object stream ${where.stream}`);
    if (where?.type !== 'offset') throw pdfBroken(`object stream ${streamNum} missing`);
    const key = where.offset;
    let stm = this.objStms.get(key);
    if (!stm) {
      const s = store.get(streamNum);
      if (!(s instanceof PdfStream)) throw pdfBroken(`object stream ${streamNum} missing`);
      const data = this.decoded(s);
      const n = asNumber(s.dict.get('N')) ?? 0;
      const first = asNumber(s.dict.get('First')) ?? 0;
      // N pairs "num offset" need at least 4 bytes each before /First, which is inside the data
      const int = (x: number, max: number) => Number.isInteger(x) && x >= 0 && x <= max;
      if (!int(first, data.length) || !int(n, Math.min(MAX_VALUES, (first + 1) / 4))) {
        throw pdfBroken(`object stream ${streamNum}: bad /N ${n} or /First ${first}`);
      }
      const p = new PdfParser(data);
      const nums: number[] = [];
      const offsets: number[] = [];
      const listed = new Set<number>();
      const twice = new Set<number>();
      for (let i = 0; i < n; i++) {
        const member = p.int();
        (listed.has(member) ? twice : listed).add(member);
        nums.push(member);
        offsets.push(p.int());
      }
      stm = { data, first, nums, offsets, twice };
      this.objStms.set(key, stm);
    }
    // the member at the xref's index must be the object asked for, listed once (ISO 32000-1 §7.5.7: N distinct
    // objects): readers differ on a wrong index (poppler: none, older pdf.js: that member, pyHanko: refused) and
    // on a number listed twice (pdf.js 5: the last, Sigillo: the indexed one) — a crafted stream shows each
    // reader another page; refused as pyHanko refuses it
    if (stm.nums[index] !== num)
      throw pdfBroken(`object stream ${streamNum}: member ${index} is not object ${num}`);
    if (stm.twice.has(num)) throw pdfBroken(`object stream ${streamNum} lists object ${num} twice`);
    const off = stm.offsets[index];
    if (off === undefined) throw pdfBroken(`object ${num} missing from object stream ${streamNum}`);
    return new PdfParser(stm.data, 0, true, stm.first + off).value();
  }
}
