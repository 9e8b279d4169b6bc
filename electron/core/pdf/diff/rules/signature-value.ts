/**
 * A signature value placed in a field after signing (a new signature field, or an empty one filled): allowed
 * as a later signature or document timestamp, unless it points at an object of the signed revision (the
 * spoofing attack: a second field showing the first signature's dictionary) or DocMDP P=1 forbids it.
 */
import { isName, PdfDict, type PdfValue } from '../../pdf-objects';
import { msg, type DiffContext, type Where } from '../context';

export function judgeSignatureValue(ctx: DiffContext, v: PdfValue | undefined, where: Where): void {
  if (v === undefined || v === null) {
    return ctx.allow(
      'signature',
      'signature-field',
      msg(
        { it: 'campo firma vuoto aggiunto «{f}»', en: 'empty signature field added "{f}"' },
        { f: where.name ?? '' },
      ),
      where,
    );
  }
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
