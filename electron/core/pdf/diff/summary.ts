/** The summary fields of the report (pages, objects, changes, allowed kinds) from the items, deduplicated. */
import { t } from '../../i18n/translate';
import type { DiffContext } from './context';
import type { Modifications } from './types';

export function summary(ctx: DiffContext, laterRevisions: number): Modifications {
  const seen = new Set<string>();
  const items = ctx.items.filter((i) => {
    const k = `${i.kind}|${i.allowed}|${i.rule}|${i.object}|${i.page}|${i.reason.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const refused = items.filter((i) => !i.allowed);
  return {
    laterRevisions,
    allowed: refused.length === 0,
    pages: [...new Set(refused.flatMap((i) => (i.page !== null ? [i.page] : [])))].sort((x, y) => x - y),
    objects: [...new Set(refused.flatMap((i) => (i.object !== null ? [i.object] : [])))].sort(
      (x, y) => x - y,
    ),
    changes: [...new Set(refused.map((i) => t(i.reason)))],
    allowedChanges: [...new Set(items.filter((i) => i.allowed).map((i) => i.kind))].sort(),
    items,
  };
}
