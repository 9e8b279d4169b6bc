/**
 * An object number referenced by the signed revision but absent then, defined later: that changes what the
 * signed version shows (a page's second content stream appearing), unless only the DSS or metadata name it,
 * only an extra trailer key names it, or it was judged as a new annotation or field (a number freed before
 * signing that a tag tree still names).
 */
import { msg, type DiffContext } from '../context';
import type { Role } from '../roles';

export function judgeDangling(ctx: DiffContext, num: number, roles: Role[], page: number | undefined): void {
  if (roles.every((r) => r.kind === 'trailer')) return;
  if (ctx.seenNew.has(num) && roles.every((r) => r.kind === 'other' || r.kind === 'trailer')) return;
  if (roles.every((r) => r.kind === 'dss' || r.kind === 'metadata' || r.kind === 'info')) {
    const dss = roles[0]!.kind === 'dss';
    return ctx.allow(
      dss ? 'dss' : 'metadata',
      dss ? 'dss' : 'metadata',
      msg({ it: 'oggetto {n} aggiunto', en: 'object {n} added' }, { n: num }),
      {
        object: num,
      },
    );
  }
  ctx.deny(
    'object',
    'dangling',
    msg(
      {
        it: 'oggetto {n}, mancante nella versione firmata, ora definito',
        en: 'object {n}, missing from the signed version, now defined',
      },
      { n: num },
    ),
    { object: num, page },
  );
}
