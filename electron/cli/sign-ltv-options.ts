/**
 * `sign --tsa URL --level B|T|LT|LTA`: which long-term level the new signature gets. --tsa alone means T
 * (CAdES-T / PAdES-B-T: a signature timestamp inside the signature); B is the plain signature.
 */
import { signatureTimestamper } from '../core/ltv/cades-t';
import { t } from '../core/i18n/translate';
import type { CommandContext, OptionsConfig } from './command';
import { stringOption } from './card-options';
import { tsaFromCli } from './tsa-options';

export const signLtvCliOptions: OptionsConfig = { tsa: { type: 'string' }, level: { type: 'string' } };

export type SignLevel = 'B' | 'T' | 'LT' | 'LTA';
const LEVELS: readonly SignLevel[] = ['B', 'T', 'LT', 'LTA'];
const SUPPORTED: readonly SignLevel[] = ['B', 'T'];

export const SIGN_LTV_HELP = {
  it: `  --tsa URL       marca temporale nella firma (CAdES-T / PAdES-B-T); altrimenti SIGILLO_TSA_URL con --level T
  --level L       B (predefinito senza --tsa) o T (predefinito con --tsa); LT e LTA non ancora disponibili`,
  en: `  --tsa URL       timestamp inside the signature (CAdES-T / PAdES-B-T); else SIGILLO_TSA_URL with --level T
  --level L       B (default without --tsa) or T (default with --tsa); LT and LTA not available yet`,
};

export interface SignLtv {
  level: SignLevel;
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
}

export function ltvFromCli(ctx: CommandContext): SignLtv | { usage: string } {
  const requested = stringOption(ctx, 'level')?.toUpperCase();
  const level = (requested ?? (stringOption(ctx, 'tsa') ? 'T' : 'B')) as SignLevel;
  if (!LEVELS.includes(level)) {
    return { usage: t({ it: 'Livello sconosciuto: {l}', en: 'Unknown level: {l}' }, { l: requested ?? '' }) };
  }
  if (!SUPPORTED.includes(level)) {
    return {
      usage: t(
        {
          it: 'Il livello {l} non è ancora disponibile (usare B o T).',
          en: 'Level {l} is not available yet (use B or T).',
        },
        { l: level },
      ),
    };
  }
  if (level === 'B') return { level };
  const tsa = tsaFromCli(ctx);
  if ('usage' in tsa) return tsa;
  return { level, finishSignerInfo: signatureTimestamper(tsa) };
}
