/** Roles no later change may touch: page content and resources, appearance streams, the page tree, signatures. */
import { msg, type DiffContext, type Where } from '../context';
import type { RoleKind } from '../roles';

export function judgeRefused(ctx: DiffContext, kind: RoleKind, where: Where): void {
  const n = where.object ?? 0;
  const p = where.page ?? '?';
  switch (kind) {
    case 'content':
      return ctx.deny(
        'page-content',
        'page-content',
        where.page !== undefined
          ? msg(
              {
                it: 'contenuto o risorse della pagina {p} modificati (oggetto {n})',
                en: 'content or resources of page {p} changed (object {n})',
              },
              { p, n },
            )
          : msg(
              {
                it: 'risorse delle pagine modificate (oggetto {n})',
                en: 'page resources changed (object {n})',
              },
              { n },
            ),
        where,
      );
    case 'appearance':
      return ctx.deny(
        'appearance',
        'appearance',
        msg(
          {
            it: "aspetto di un'annotazione o campo esistente sovrascritto (oggetto {n}, pagina {p})",
            en: 'appearance of an existing annotation or field overwritten (object {n}, page {p})',
          },
          { n, p },
        ),
        where,
      );
    case 'pages':
      return ctx.deny(
        'pages',
        'page-tree',
        msg(
          { it: 'albero delle pagine modificato (oggetto {n})', en: 'page tree changed (object {n})' },
          { n },
        ),
        where,
      );
    case 'sig-value':
      return ctx.deny(
        'signature-replaced',
        'signature-value',
        msg(
          {
            it: 'dizionario di una firma esistente modificato (oggetto {n})',
            en: 'dictionary of an existing signature changed (object {n})',
          },
          { n },
        ),
        where,
      );
    default:
      return ctx.deny(
        'object',
        'object',
        msg({ it: 'oggetto {n} modificato', en: 'object {n} changed' }, { n }),
        where,
      );
  }
}
