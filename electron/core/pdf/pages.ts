/** The page tree (ISO 32000-1 §7.7.3): page references in order. */
import { asArray, isName, PdfDict, PdfRef } from './pdf-objects';
import type { ObjectStore } from './pdf-reader';
import { pdfBroken } from './pdf-errors';

/** References to the page objects, in page order. */
export function pageRefs(store: ObjectStore, catalog: PdfDict): PdfRef[] {
  const out: PdfRef[] = [];
  const seen = new Set<number>();
  const walk = (node: unknown, depth: number) => {
    if (!(node instanceof PdfRef)) throw pdfBroken('page tree node is not a reference');
    if (seen.has(node.num) || depth > 64) throw pdfBroken('page tree loop');
    seen.add(node.num);
    const d = store.dict(node);
    if (!d) throw pdfBroken(`page tree node ${node.num} missing`);
    const kids = asArray(store.resolve(d.get('Kids')));
    if (kids && !isName(d.get('Type'), 'Page')) {
      for (const k of kids) walk(k, depth + 1);
    } else out.push(node);
  };
  walk(catalog.get('Pages'), 0);
  return out;
}

/** page lists already walked, per store and catalog: a store's objects never change once read */
const walked = new WeakMap<ObjectStore, { catalog: PdfDict; pages: PdfRef[] }>();

/**
 * pageRefs, walked once per store: the latest revision's page list is compared with each signed revision's,
 * one walk of 5000 pages instead of one per signature (issue 22). A walk that throws is not kept.
 */
export function storePageRefs(store: ObjectStore, catalog: PdfDict): PdfRef[] {
  const hit = walked.get(store);
  if (hit && hit.catalog === catalog) return hit.pages;
  const pages = pageRefs(store, catalog);
  walked.set(store, { catalog, pages });
  return pages;
}
