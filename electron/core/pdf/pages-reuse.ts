/**
 * The page list of a signed revision from the walk of an earlier revision of the same file (issue 22): an
 * update changes a handful of objects, so the 5000-page walk of each later signed revision (and of the latest
 * one) gives the same list whenever nothing that walk read has changed. Reused only when that is certain:
 * every object number the earlier walk read has the very same xref entry in the new revision (so the same
 * bytes, as no object was found by scanning), or was a page leaf that is still a dictionary of /Type /Page
 * whose /Kids is not a reference (a leaf whatever else changed in it, nothing more read). Else the walk is done.
 */
import { isName, PdfDict, PdfRef, type PdfValue } from './pdf-objects';
import type { ObjectStore, PdfReader } from './pdf-reader';
import { pageRefs, storePageRefs } from './pages';
import { changedBetween } from './revision-changes';

interface PageWalk {
  store: ObjectStore;
  catalog: PdfDict;
  root: number;
  pages: PdfRef[];
  /** object numbers the walk read, in order (repeats kept: cheap, and harmless to check twice) */
  reads: number[];
  leaves: Set<number>;
}

/** the last walk per reader: each signed revision is compared with the one before it */
const lastWalk = new WeakMap<PdfReader, PageWalk>();

function sameEntry(a: ObjectStore, b: ObjectStore, num: number): boolean {
  const x = a.entry(num);
  if (x !== b.entry(num)) return false;
  // a member of an object stream is the same only in the same stream
  return x?.type !== 'compressed' || a.entry(x.stream) === b.entry(x.stream);
}

function stillLeaf(store: ObjectStore, num: number): boolean {
  try {
    const d = store.dict(new PdfRef(num, 0));
    return !!d && isName(d.get('Type'), 'Page') && !(d.get('Kids') instanceof PdfRef);
  } catch {
    return false;
  }
}

function reusable(
  reader: PdfReader,
  w: PageWalk,
  store: ObjectStore,
  rootRef: PdfValue | undefined,
): boolean {
  if (reader.repaired || !(rootRef instanceof PdfRef) || rootRef.num !== w.root) return false;
  // a number outside the sections between the two revisions has the very same entry in both (sameEntry)
  const changed = changedBetween(reader, w.store.end, store.end);
  const reads = w.reads;
  for (let i = 0; i < reads.length; i++) {
    const num = reads[i]!;
    if (!changed.has(num)) continue;
    if (sameEntry(w.store, store, num)) continue;
    if (!w.leaves.has(num) || !stillLeaf(store, num)) return false;
  }
  return !reader.repaired;
}

/** pageRefs(store, catalog), from the reader's previous walk when provably the same (fast paths only) */
export function revisionPageRefs(reader: PdfReader, store: ObjectStore, catalog: PdfDict): PdfRef[] {
  if (!reader.shareParsed) return storePageRefs(store, catalog);
  const rootRef = catalog.get('Pages');
  const last = lastWalk.get(reader);
  if (last && last.store === store && last.catalog === catalog) return last.pages;
  if (last && reusable(reader, last, store, rootRef)) {
    lastWalk.set(reader, { ...last, store, catalog });
    return last.pages;
  }
  const reads: number[] = [];
  const before = store.onRead;
  store.onRead = (n) => reads.push(n);
  let pages: PdfRef[];
  try {
    pages = pageRefs(store, catalog);
  } finally {
    store.onRead = before;
  }
  // a walk that throws is not kept; nor one after an object was found by scanning (it may differ by revision)
  if (rootRef instanceof PdfRef && !reader.repaired) {
    const leaves = new Set(pages.map((r) => r.num));
    lastWalk.set(reader, { store, catalog, root: rootRef.num, pages, reads, leaves });
  }
  return pages;
}
