/**
 * One changed object of the signed revision, judged for every role it had: a field or widget by the form
 * rule, an annotation by the annotation rule, then each other role by its own rule (refused when none).
 */
import { asDict, isName, PdfDict, PdfStream, PdfString, type PdfValue } from '../pdf-objects';
import type { ObjectStore } from '../pdf-reader';
import { DiffContext, msg } from './context';
import type { Role } from './roles';
import { judgeRefused } from './rules/refused';
import { judgeCatalog } from './rules/catalog';
import { judgeAcroForm } from './rules/acroform';
import { judgePage } from './rules/page';
import { judgeField, judgeFill } from './rules/form-field';
import { judgeAnnotation } from './rules/annotation';
import { judgeGrowingArray } from './rules/growing-array';

/**
 * full name and type of a field (or of the field a widget belongs to), from /T and the first /FT up the
 * /Parent chain: what its role, reached from /Fields, leaves unsaid
 */
function fieldOf(store: ObjectStore, d: PdfDict): { name: string; type: string | undefined } {
  const parts: string[] = [];
  let type: string | undefined;
  let node: PdfDict | undefined = d;
  for (let i = 0; node && i < 32; i++) {
    const tv = node.get('T');
    if (tv instanceof PdfString) parts.unshift(tv.text());
    const ft = node.get('FT');
    if (type === undefined && isName(ft)) type = ft.name;
    try {
      node = store.dict(node.get('Parent'));
    } catch {
      node = undefined;
    }
  }
  return { name: parts.join('.'), type };
}

export function judgeObject(
  ctx: DiffContext,
  num: number,
  roles: Role[],
  oldV: PdfValue,
  newV: PdfValue,
): void {
  const oldD = asDict(oldV);
  const newD = asDict(newV);
  const fieldRole = roles.find((r) => r.kind === 'field');
  const annotRole = roles.find((r) => r.kind === 'annot');
  const page = annotRole?.page ?? roles.find((r) => r.page !== undefined)?.page;
  let rest = roles;
  // a widget is a form field's only when the signed form reaches it from /AcroForm /Fields (ISO 32000-1
  // §12.7.2, pyHanko's FormUpdatingRule): one listed only in a page's /Annots is an annotation, whose /V or
  // /AP changed is an annotation change (refused under DocMDP P=2), never a form filled in
  if (fieldRole) {
    rest = roles.filter((r) => r.kind !== 'field' && r.kind !== 'annot');
    const own = oldD ? fieldOf(ctx.old, oldD) : undefined;
    const name = fieldRole?.field ?? own?.name ?? '';
    const type = fieldRole?.fieldType ?? own?.type;
    if (oldD && newD) judgeField(ctx, oldD, newD, type, { object: num, page, name });
    else judgeRefused(ctx, 'other', { object: num, page });
  } else if (annotRole) {
    rest = roles.filter((r) => r.kind !== 'annot');
    if (oldD && newD) judgeAnnotation(ctx, oldD, { object: num, page });
    else judgeRefused(ctx, 'other', { object: num, page });
  }
  for (const r of rest) {
    const where = { object: num, page: r.page };
    switch (r.kind) {
      case 'dss':
        ctx.allow(
          'dss',
          'dss',
          msg({ it: 'dati di validazione (DSS) aggiornati', en: 'validation data (DSS) updated' }),
          where,
        );
        break;
      case 'metadata':
      case 'info':
        ctx.allow('metadata', 'metadata', msg({ it: 'metadati aggiornati', en: 'metadata updated' }), where);
        break;
      case 'catalog':
        if (oldD && newD && !(oldV instanceof PdfStream)) judgeCatalog(ctx, num, oldD, newD);
        else judgeRefused(ctx, 'other', where);
        break;
      case 'acroform':
        judgeAcroForm(ctx, oldD, newD, where);
        break;
      case 'page':
        if (oldD && newD) judgePage(ctx, num, r.page!, oldD, newD);
        else judgeRefused(ctx, 'content', where);
        break;
      case 'annots':
      case 'fields':
        judgeGrowingArray(ctx, oldV, newV, where);
        break;
      case 'field-value':
        judgeFill(ctx, { ...where, name: r.field });
        break;
      default:
        judgeRefused(ctx, r.kind, where);
    }
  }
}

/** changed in a way no rule recorded: refused */
export function unexplained(ctx: DiffContext, num: number, page: number | undefined): void {
  ctx.deny(
    'object',
    'object',
    msg(
      {
        it: 'oggetto {n} della versione firmata cambiato senza che una regola lo consenta',
        en: 'object {n} of the signed version changed without a rule allowing it',
      },
      { n: num },
    ),
    { object: num, page },
  );
}

/** deleted, or unreadable in the latest revision: never a permitted change */
export function unreadable(ctx: DiffContext, num: number, page: number | undefined): void {
  ctx.deny(
    'object',
    'deleted',
    msg({ it: 'oggetto {n} eliminato o illeggibile', en: 'object {n} deleted or unreadable' }, { n: num }),
    { object: num, page },
  );
}
