/** Pages added, removed or reordered after signing: refused, with the new pages named. */
import type { PdfRef } from '../../pdf-objects';
import { revisionPageRefs } from '../../pages-reuse';
import { msg, type DiffContext } from '../context';

export function judgePageList(ctx: DiffContext, oldPages: PdfRef[], pageOf: Map<number, number>): void {
  let newPages: PdfRef[];
  try {
    newPages = revisionPageRefs(ctx.reader, ctx.now, ctx.reader.catalog(ctx.now));
  } catch {
    return ctx.deny(
      'pages',
      'page-tree',
      msg({ it: 'albero delle pagine illeggibile', en: 'unreadable page tree' }),
    );
  }
  const same = newPages.length === oldPages.length && newPages.every((r, i) => r.num === oldPages[i]!.num);
  if (same) return;
  const reason = msg(
    {
      it: 'pagine aggiunte, rimosse o riordinate ({a} → {b})',
      en: 'pages added, removed or reordered ({a} → {b})',
    },
    { a: oldPages.length, b: newPages.length },
  );
  const added = newPages.flatMap((r, i) => (pageOf.has(r.num) ? [] : [i + 1]));
  if (!added.length) ctx.deny('pages', 'page-tree', reason);
  for (const p of added) ctx.deny('pages', 'page-tree', reason, { page: p });
}
