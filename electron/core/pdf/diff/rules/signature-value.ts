/**
 * A signature value placed in a field after signing (a new signature field, or an empty one filled): allowed
 * as a later signature or document timestamp, unless it points at an object of the signed revision or repeats
 * a signature of it (the spoofing attack: a second field showing the first signature's dictionary, or a copy of
 * it) or DocMDP P=1 forbids it. After a
 * certification a new field must be invisible (an existing empty field keeps the look its certifier placed). A
 * new signature field without a value is judged by the certification's permissions.
 */
import { isName, PdfDict, type PdfValue } from '../../pdf-objects';
import { msg, type DiffContext, type Where } from '../context';
import { anyWidgetVisible } from './visibility';
import { copiesSignedSignature } from './signature-copy';

export function judgeSignatureValue(
  ctx: DiffContext,
  v: PdfValue | undefined,
  where: Where,
  /** the new field or widget holding it (its visibility); absent for a field of the signed revision */
  widget?: PdfDict,
): void {
  if (v === undefined || v === null) return judgeEmptyField(ctx, where, widget);
  if (ctx.usedWhenSigned(v)) {
    return ctx.deny(
      'signature-replaced',
      'signature-spoofing',
      msg(
        {
          it: 'il campo firma «{f}» aggiunto dopo punta a un oggetto della versione firmata',
          en: 'signature field "{f}" added later points at an object of the signed version',
        },
        { f: where.name ?? '' },
      ),
      where,
    );
  }
  const d = ctx.newDict(v);
  const timestamp = isName(d?.get('SubFilter'), 'ETSI.RFC3161') || isName(d?.get('Type'), 'DocTimeStamp');
  if (!(d instanceof PdfDict) || !d.has('ByteRange') || !d.has('Contents')) {
    return ctx.deny(
      'signature-replaced',
      'signature-value',
      msg(
        {
          it: 'valore del campo firma «{f}» non è una firma',
          en: 'value of signature field "{f}" is not a signature',
        },
        {
          f: where.name ?? '',
        },
      ),
      where,
    );
  }
  if (copiesSignedSignature(ctx, d)) {
    return ctx.deny(
      'signature-replaced',
      'signature-spoofing',
      msg(
        {
          it: 'il campo firma «{f}» aggiunto dopo contiene una firma della versione firmata (una copia), non una firma successiva',
          en: 'signature field "{f}" added later holds a signature of the signed version (a copy), not a later signature',
        },
        { f: where.name ?? '' },
      ),
      where,
    );
  }
  if (ctx.p === 1 && !timestamp) {
    return ctx.deny(
      'signature',
      'docmdp',
      msg({
        it: 'firma aggiunta: la certificazione (P=1) non la permette',
        en: 'signature added: the certification (P=1) does not permit it',
      }),
      where,
    );
  }
  if (ctx.p !== undefined && anyWidgetVisible(ctx, widget)) {
    // pyHanko's SigFieldCreationRule (allow_new_visible_after_certify=False): a new field's appearance is
    // whatever its creator drew over the certified pages, whoever signed it
    return ctx.deny(
      'signature',
      'docmdp',
      msg(
        timestamp
          ? {
              it: 'marca temporale del documento visibile aggiunta nel campo nuovo «{f}» dopo la certificazione: il suo riquadro disegna sulle pagine certificate',
              en: 'visible document timestamp added in new field "{f}" after the certification: its widget draws over the certified pages',
            }
          : {
              it: 'firma visibile aggiunta nel campo nuovo «{f}» dopo la certificazione: il suo riquadro disegna sulle pagine certificate',
              en: 'visible signature added in new field "{f}" after the certification: its widget draws over the certified pages',
            },
        { f: where.name ?? '' },
      ),
      where,
    );
  }
  ctx.allow(
    timestamp ? 'timestamp' : 'signature',
    'signature-field',
    timestamp
      ? msg({ it: 'marca temporale del documento aggiunta', en: 'document timestamp added' })
      : msg(
          { it: 'firma aggiunta nel campo «{f}»', en: 'signature added in field "{f}"' },
          { f: where.name ?? '' },
        ),
    where,
  );
}

/**
 * A new empty signature field: nothing signed, only a place to sign. ISO 32000-1 Table 254 (P=1: no changes;
 * ISO 32000-2 adds only DSS and document timestamps) refuses it under P=1. Under P=2 (form filling and signing)
 * an invisible one is allowed; a visible one shows what its creator drew over the certified pages and is
 * refused, as pyHanko does by default (allow_new_visible_after_certify=False).
 */
function judgeEmptyField(ctx: DiffContext, where: Where, widget: PdfDict | undefined): void {
  const f = where.name ?? '';
  if (ctx.p === 1 || (ctx.p !== undefined && anyWidgetVisible(ctx, widget))) {
    return ctx.deny(
      'signature',
      'docmdp',
      msg(
        ctx.p === 1
          ? {
              it: 'campo firma vuoto aggiunto «{f}»: la certificazione (P=1) non lo permette',
              en: 'empty signature field added "{f}": the certification (P=1) does not permit it',
            }
          : {
              it: 'campo firma vuoto e visibile aggiunto «{f}» dopo la certificazione',
              en: 'visible empty signature field added "{f}" after the certification',
            },
        { f },
      ),
      where,
    );
  }
  ctx.allow(
    'signature',
    'signature-field',
    msg({ it: 'campo firma vuoto aggiunto «{f}»', en: 'empty signature field added "{f}"' }, { f }),
    where,
  );
}
