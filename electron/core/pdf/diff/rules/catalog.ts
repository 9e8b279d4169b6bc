/**
 * The document catalog may gain or change /DSS, /Metadata, /AcroForm (judged by the form rule), and
 * /Extensions and /Version (pyHanko allows both); any other key is a change of the document.
 */
import type { PdfDict } from '../../pdf-objects';
import { changedKeys } from '../../pdf-diff';
import { msg, type DiffContext } from '../context';
import { judgeAcroForm } from './acroform';

export function judgeCatalog(ctx: DiffContext, num: number, oldD: PdfDict, newD: PdfDict): void {
  const where = { object: num };
  for (const k of changedKeys(ctx.reader, oldD, newD)) {
    if (k === 'DSS')
      ctx.allow('dss', 'dss', msg({ it: 'DSS aggiunto o aggiornato', en: 'DSS added or updated' }), where);
    else if (k === 'Metadata')
      ctx.allow(
        'metadata',
        'metadata',
        msg({ it: 'metadati XMP aggiornati', en: 'XMP metadata updated' }),
        where,
      );
    else if (k === 'Extensions' || k === 'Version')
      ctx.allow(
        'catalog',
        'catalog-version',
        msg({ it: 'catalogo: /{k} aggiornato', en: 'catalog: /{k} updated' }, { k }),
        where,
      );
    else if (k === 'AcroForm') judgeAcroForm(ctx, ctx.oldDict(oldD.get(k)), ctx.newDict(newD.get(k)), where);
    else
      ctx.deny(
        'object',
        'catalog',
        msg({ it: 'catalogo: /{k} modificato', en: 'catalog: /{k} changed' }, { k }),
        where,
      );
  }
}
