/** An existing annotation (not a widget) changed: reported always, allowed only where annotations are. */
import { isName, type PdfDict } from '../../pdf-objects';
import { msg, type DiffContext, type Where } from '../context';

export function judgeAnnotation(ctx: DiffContext, oldD: PdfDict, where: Where): void {
  const st = oldD.get('Subtype');
  const s = isName(st) ? st.name : '?';
  const reason = msg(
    { it: 'annotazione /{s} modificata a pagina {p}', en: 'annotation /{s} changed on page {p}' },
    { s, p: where.page ?? '?' },
  );
  const w = { ...where, name: where.name ?? s };
  if (ctx.annotationsPermitted) ctx.allow('annotation', 'annotation', reason, w);
  else ctx.deny('annotation', 'docmdp', reason, w);
}
