/**
 * Hybrid updates (ISO 32000-1 §7.5.8.4): a later section whose table lists an object of the signed revision as
 * a free placeholder while its hidden /XRefStm keeps it in use reads one way in Sigillo and pyHanko (the stream's
 * entry, often the very same offset: "nothing changed") and another in pdf.js, which stops at the table's free
 * entry and draws the page without that object (a content stream gone, an optional-content setting that hid
 * signed text dropped). Readers disagree on what the signed object now is: refused.
 */
import type { XrefSection } from '../../xref';
import { msg, type DiffContext } from '../context';

export function judgeHybridShadows(ctx: DiffContext, newer: XrefSection[]): void {
  const seen = new Set<number>();
  for (const s of newer) {
    for (const num of s.shadowed ?? []) {
      const before = ctx.old.entry(num);
      if (seen.has(num) || !before || before.type === 'free') continue;
      seen.add(num);
      ctx.deny(
        'object',
        'xref-history',
        msg(
          {
            it: 'oggetto {n} della versione firmata segnato libero nella tabella di un aggiornamento ibrido e in uso nel suo flusso /XRefStm: i lettori PDF lo leggono in modi diversi',
            en: 'object {n} of the signed version marked free in the table of a hybrid update and in use in its /XRefStm stream: PDF readers read it differently',
          },
          { n: num },
        ),
        { object: num },
      );
    }
  }
}
