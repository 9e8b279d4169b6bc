/**
 * A new entry of a page's /Annots, of /AcroForm /Fields or of a field's /Kids: a signature field or widget of
 * the latest form (allowed as the permissions say, its value checked), or an annotation / form field (reported
 * always, allowed only when no certification or DocMDP P=3 permits annotations). Entries that already existed in the signed revision are
 * judged where they are changed; linking them somewhere new is itself refused.
 */
import { isName, PdfRef, PdfString, ref, type PdfValue } from '../../pdf-objects';
import { msg, type DiffContext } from '../context';
import { judgeSignatureValue } from './signature-value';
import { isHidden, isVisible } from './visibility';
import { fieldValue, settledField } from './sig-field-state';

export function judgeNewElement(ctx: DiffContext, v: PdfValue, page: number | undefined): void {
  const num = v instanceof PdfRef ? v.num : undefined;
  if (num !== undefined) {
    if (ctx.seenNew.has(num)) return;
    ctx.seenNew.add(num);
  }
  const d = ctx.newDict(v);
  const field = num !== undefined ? ctx.newField(num) : undefined;
  const parent = ctx.newDict(d?.get('Parent'));
  const subtype = d?.get('Subtype');
  // a signature is a widget (or a field dictionary) of a signature field of the latest form: the signatures
  // the verifier finds, checks and lists. Any other annotation carrying /FT /Sig, or a signature widget listed
  // only in a page's /Annots, is never verified: it is an annotation like any other
  const isSig = (subtype === undefined || isName(subtype, 'Widget')) && field?.type === 'Sig';
  const claimsSig = isName(d?.get('FT'), 'Sig') || isName(parent?.get('FT'), 'Sig');
  const nm = d?.get('NM');
  const tt = d?.get('T');
  const name =
    field?.fullName ??
    (tt instanceof PdfString ? tt.text() : nm instanceof PdfString ? nm.text() : undefined);
  const where = { page, object: num, name };
  const signedSigField =
    num !== undefined && ctx.roles.get(num)?.some((r) => r.kind === 'field' && r.fieldType === 'Sig');
  if (signedSigField) {
    // a signature field of the signed revision placed on a page: its value is judged where the field changed
    return ctx.allow(
      'signature',
      'signature-field',
      msg(
        { it: 'campo firma «{f}» collocato sulla pagina', en: 'signature field "{f}" placed on the page' },
        { f: name ?? '' },
      ),
      where,
    );
  }
  if (ctx.usedWhenSigned(v)) {
    // an object of the signed revision newly listed: it was not an entry here when signing
    return ctx.deny(
      'object',
      'relinked',
      msg(
        {
          it: 'oggetto {n} della versione firmata aggiunto a un elenco',
          en: 'object {n} of the signed version added to a list',
        },
        {
          n: num ?? 0,
        },
      ),
      where,
    );
  }
  if (isSig) {
    if (field.field !== undefined && field.field !== num && !d?.has('V')) {
      // a new widget of a signature field the signed revision had and that is not signed now shows what was
      // not there: pyHanko refuses any /Kids change of such a field
      const settled = settledField(ctx, field.field);
      if (settled) {
        return ctx.deny(
          'appearance',
          'signed-field',
          msg(
            settled === 'signed'
              ? {
                  it: 'riquadro aggiunto al campo firma «{f}», già firmato',
                  en: 'widget added to signature field "{f}", already signed',
                }
              : {
                  it: 'riquadro aggiunto al campo firma vuoto «{f}» senza firmarlo',
                  en: 'widget added to empty signature field "{f}" without signing it',
                },
            { f: name ?? '' },
          ),
          where,
        );
      }
      // a new empty signature field shows this widget: judged as an empty field (permissions, visibility)
      const fieldDict = ctx.newDict(ref(field.field));
      if (!fieldDict || fieldValue(ctx.now, fieldDict) === undefined)
        return judgeSignatureValue(ctx, undefined, where, d);
      // the widget of a signature field listed on its own (/Kids): the field's value is judged with the field
      // (a new field's widgets there); a new visible widget of a field of the certified revision was not
      // placed by the certifier
      if (ctx.p !== undefined && ctx.oldDict(ref(field.field)) && isVisible(ctx, d)) {
        return ctx.deny(
          'signature',
          'docmdp',
          msg(
            {
              it: 'riquadro visibile aggiunto al campo firma «{f}» dopo la certificazione',
              en: 'visible widget added to signature field "{f}" after the certification',
            },
            { f: name ?? '' },
          ),
          where,
        );
      }
      return ctx.allow(
        'signature',
        'signature-field',
        msg(
          { it: 'riquadro del campo firma «{f}» aggiunto', en: 'widget of signature field "{f}" added' },
          { f: name ?? '' },
        ),
        where,
      );
    }
    const value = d?.get('V') ?? parent?.get('V');
    return judgeSignatureValue(ctx, value, where, d);
  }
  if (
    field?.field !== undefined &&
    field.field !== num &&
    ctx.oldDict(ref(field.field)) &&
    ctx.locked(field.fullName)
  ) {
    // a new widget of a field locked by the signature (FieldMDP, ISO 32000-1 §12.8.2.4) shows it anew
    return ctx.deny(
      'form-fill',
      'fieldmdp',
      msg(
        { it: 'riquadro aggiunto al campo bloccato «{f}»', en: 'widget added to locked field "{f}"' },
        { f: field.fullName },
      ),
      where,
    );
  }
  const sub = isName(subtype) ? subtype.name : d?.has('FT') ? 'Field' : '?';
  const hidden = isHidden(d);
  const overlay = page !== undefined && sub !== 'Link' && sub !== 'Popup' && !hidden;
  const reason = msg(
    claimsSig
      ? {
          it: 'annotazione /{s} con /FT /Sig aggiunta: non è un riquadro di un campo firma del modulo, nessuna firma verificata',
          en: 'annotation /{s} with /FT /Sig added: not a widget of a signature field of the form, no signature verified',
        }
      : overlay
        ? {
            it: 'annotazione /{s} aggiunta a pagina {p}: si sovrappone al contenuto firmato',
            en: 'annotation /{s} added on page {p}: it overlays the signed content',
          }
        : { it: 'annotazione o campo /{s} aggiunto', en: 'annotation or field /{s} added' },
    { s: sub, p: page ?? 0 },
  );
  if (ctx.annotationsPermitted)
    ctx.allow('annotation', 'annotation', reason, { ...where, name: name ?? sub });
  else ctx.deny('annotation', 'docmdp', reason, { ...where, name: name ?? sub });
}
