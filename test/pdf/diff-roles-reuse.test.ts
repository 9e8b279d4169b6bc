/**
 * The signed-roles walk of a later signed revision takes the parts of the first walk that provably did the same
 * (diff/roles-reuse.ts, walk-log.ts; issue 22). Each case is a file of a few hand-written objects and updates,
 * and every revision's roles (and whether the walk passed its cap) must be exactly those of a full walk on a
 * reader without the fast paths — in either order of the revisions. The updates are the ones where a replay
 * would go wrong: an object changed inside a part (its page's content now reaches a new object), a shared
 * object reached earlier by a new path (the part below it is not walked again, so it must not count again
 * towards the cap), and an object stream redefined under members whose xref entries did not change.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BufferSource } from '../../electron/core/pdf/file-source';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { pageRefs } from '../../electron/core/pdf/pages';
import { signedRoles, WALK_CAP, type SignedRoles } from '../../electron/core/pdf/diff/roles';
import { revisionRoles } from '../../electron/core/pdf/diff/roles-reuse';
import { changedBetween } from '../../electron/core/pdf/revision-changes';
import { PdfDict, ref } from '../../electron/core/pdf/pdf-objects';
import { tablePdf, type HostileObject } from './support/hostile-pdf';
import { appendObjStmUpdate } from './support/append-update';

/** three pages sharing one form XObject (10, with its font 11), each with its own content stream */
function base(): HostileObject[] {
  const page = (content: number) =>
    `<< /Type /Page /Parent 2 0 R /Resources << /XObject << /X 10 0 R >> >> /Contents ${content} 0 R >>`;
  return [
    { num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { num: 2, body: '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>' },
    { num: 3, body: page(6) },
    { num: 4, body: page(7) },
    { num: 5, body: page(8) },
    { num: 6, body: '<< /Length 0 >>\nstream\n\nendstream' },
    { num: 7, body: '<< /Length 0 >>\nstream\n\nendstream' },
    { num: 8, body: '<< /Length 0 >>\nstream\n\nendstream' },
    {
      num: 10,
      body: '<< /Type /XObject /Subtype /Form /Resources << /Font << /F 11 0 R >> >> /Length 0 >>\nstream\n\nendstream',
    },
    { num: 11, body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
  ];
}

/** an incremental update of `objects` with a classic table, chained to the file's last one */
function update(file: Buffer, objects: HostileObject[], size = 20): Buffer {
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(file.toString('latin1'))![1]);
  const parts = [file];
  let at = file.length;
  let xref = 'xref\n';
  for (const o of objects) {
    const b = Buffer.from(`${o.num} 0 obj\n${o.body}\nendobj\n`, 'latin1');
    xref += `${o.num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
    parts.push(b);
    at += b.length;
  }
  xref += `trailer\n<< /Size ${size} /Root 1 0 R /Prev ${prev} >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function reader(bytes: Buffer, fast: boolean): PdfReader {
  const r = PdfReader.fromSource(new BufferSource(bytes));
  r.shareParsed = fast;
  return r;
}

function pagesOf(r: PdfReader, end: number) {
  const store = r.storeAt(end);
  const trailer = r.sections.find((s) => s.end <= end)!.trailer;
  const pages = pageRefs(store, store.dict(trailer.get('Root'))!);
  const pageOf = new Map<number, number>();
  pages.forEach((p, i) => pageOf.set(p.num, i + 1));
  return { store, trailer, pages, pageOf };
}

const dump = (w: SignedRoles) => JSON.stringify([w.truncated, [...w.roles]]);

/**
 * every revision walked in `order` by one fast reader (the first walk logged, the others replayed from it),
 * each compared with a full walk on a reader without the fast paths; the parts replayed per revision
 */
function compareAll(bytes: Buffer, order: 'forward' | 'backward', cap = WALK_CAP): number[] {
  const fast = reader(bytes, true);
  const plain = reader(bytes, false);
  const ends = revisionEnds(fast.sections).map((r) => r.end);
  if (order === 'backward') ends.reverse();
  return ends.map((end) => {
    const f = pagesOf(fast, end);
    const got = revisionRoles(fast, f.store, f.trailer, f.pages, f.pageOf, cap);
    const p = pagesOf(plain, end);
    const want = signedRoles(p.store, p.trailer, p.pageOf, cap);
    expect(dump(got), `revision ending at ${end}, cap ${cap}`).toBe(dump(want));
    return got.replayed;
  });
}

describe('signed roles of a later revision from the first walk', () => {
  it('takes the unchanged pages from the first walk, and walks a page whose content now reaches a new object', () => {
    // page 2's content stream gets a reference to a new object: the part below page 2 differs
    const bytes = update(tablePdf(base()), [
      { num: 7, body: '<< /Length 0 /Extra 12 0 R >>\nstream\n\nendstream' },
      { num: 12, body: '<< /Note (new) >>' },
    ]);
    for (const order of ['forward', 'backward'] as const) {
      const replayed = compareAll(bytes, order);
      expect(replayed[0]).toBe(0);
      // pages 1 and 3 (and the shared XObject below the first of them) come from the first walk
      expect(replayed[1]).toBeGreaterThanOrEqual(2);
    }
    const r = reader(bytes, true);
    const ends = revisionEnds(r.sections).map((x) => x.end);
    const later = pagesOf(r, ends[1]!);
    revisionRoles(r, pagesOf(r, ends[0]!).store, r.sections[1]!.trailer, later.pages, later.pageOf, WALK_CAP);
    const w = revisionRoles(r, later.store, later.trailer, later.pages, later.pageOf, WALK_CAP);
    expect(w.roles.get(12)).toEqual([{ kind: 'content', page: 2 }]);
    // a first walk that no later analysis can use keeps no log: the next one is walked in full, alike
    const r2 = reader(bytes, true);
    const a = pagesOf(r2, ends[0]!);
    revisionRoles(r2, a.store, a.trailer, a.pages, a.pageOf, WALK_CAP, false);
    const b = pagesOf(r2, ends[1]!);
    const full = revisionRoles(r2, b.store, b.trailer, b.pages, b.pageOf, WALK_CAP);
    expect(full.replayed).toBe(0);
    expect(dump(full)).toBe(dump(w));
  });

  it('does not count again a shared part reached first by a new path: the cap is passed exactly as in a full walk', () => {
    // the page tree node now lists the XObject in its own resources: it is walked from there first, and the
    // part of page 3 that walked it in the first revision must not be taken (nor counted) as it was
    const bytes = update(tablePdf(base()), [
      {
        num: 2,
        body: '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /Resources << /XObject << /X 10 0 R >> >> >>',
      },
    ]);
    let replays = 0;
    for (let cap = 20; cap <= 60; cap++) {
      for (const order of ['forward', 'backward'] as const) replays += compareAll(bytes, order, cap)[1]!;
    }
    expect(replays).toBeGreaterThan(0);
  });

  it('walks again the members of an object stream redefined under unchanged xref entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roles-reuse-'));
    // page 2's resources live in an object stream; a later update redefines that stream (same number, members
    // not listed again): the member's entry is the same, its value now reaches object 30
    const objs = base();
    objs[3] = { num: 4, body: '<< /Type /Page /Parent 2 0 R /Resources 20 0 R /Contents 7 0 R >>' };
    const plainFile = join(dir, 'a.pdf');
    writeFileSync(plainFile, tablePdf(objs));
    const resources = (x: number) => new PdfDict().set('XObject', new PdfDict().set('X', ref(x)));
    const first = appendObjStmUpdate(plainFile, join(dir, 'b.pdf'), () => [[20, resources(10)]]);
    const entry = PdfReader.fromSource(new BufferSource(readFileSync(first))).latest.entry(20);
    if (entry?.type !== 'compressed') throw new Error('object 20 should be in an object stream');
    const stmNum = entry.stream;
    const second = appendObjStmUpdate(first, join(dir, 'c.pdf'), () => [[20, resources(30)]], {
      streamNum: stmNum,
      listMembers: false,
    });
    const bytes = readFileSync(second);
    const r = reader(bytes, true);
    const ends = revisionEnds(r.sections).map((x) => x.end);
    // object 20's entry did not change between the last two revisions, its stream's did
    expect(changedBetween(r, ends[1]!, ends[2]!).has(20)).toBe(true);
    for (const order of ['forward', 'backward'] as const) {
      const replayed = compareAll(bytes, order);
      expect(Math.max(...replayed)).toBeGreaterThan(0);
    }
    // the same file with its cross-reference damaged: rebuilt by scanning, each revision a plain table that
    // holds the members its xref stream lists (no "table, so no members" shortcut)
    const text = bytes.toString('latin1');
    const at = text.lastIndexOf('startxref');
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from('startxref\n7\n%%EOF\n', 'latin1')]);
    const rebuilt = reader(broken, true);
    expect(rebuilt.reconstructed).toBe(true);
    const revs = revisionEnds(rebuilt.sections).map((x) => x.end);
    expect(changedBetween(rebuilt, revs[revs.length - 2]!, revs[revs.length - 1]!).has(20)).toBe(true);
    for (const order of ['forward', 'backward'] as const) compareAll(broken, order);
  });
});
