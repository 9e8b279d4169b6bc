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
