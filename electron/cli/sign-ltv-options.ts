/**
 * `sign --tsa URL --level B|T|LT|LTA --countersign [--signer N]`: translated into the core's signing policy
 * (core/sign/sign-policy.ts). --tsa alone means T (CAdES-T / PAdES-B-T: a signature timestamp inside the
 * signature); B is the plain signature.
 */
import { SIGN_LEVELS, type SignLevel, type SignPolicy } from '../core/sign/sign-policy';
import { t } from '../core/i18n/translate';
import type { CommandContext, OptionsConfig } from './command';
import { stringOption } from './card-options';
import { tsaFromCli } from './tsa-options';

export const signLtvCliOptions: OptionsConfig = {
  tsa: { type: 'string' },
  level: { type: 'string' },
  countersign: { type: 'boolean' },
  signer: { type: 'string' },
};

export const SIGN_LTV_HELP = {
  it: `  --tsa URL       marca temporale nella firma (CAdES-T / PAdES-B-T / XAdES-T); altrimenti SIGILLO_TSA_URL con --level T
  --level L       B (predefinito senza --tsa) o T (predefinito con --tsa); LT (anche certificati e CRL: p7m nella firma, PDF nel DSS); LTA (p7m: anche una marca d’archivio; PDF: DSS + marca del documento)
  --countersign   controfirma di un .p7m esistente (stesso nome: serve --out o --overwrite)
  --signer N      quale firma controfirmare (1 = la prima, predefinito)`,
  en: `  --tsa URL       timestamp inside the signature (CAdES-T / PAdES-B-T / XAdES-T); else SIGILLO_TSA_URL with --level T
  --level L       B (default without --tsa) or T (default with --tsa); LT (certificates and CRLs too: p7m in the signature, PDF in a DSS); LTA (p7m: an archive timestamp too; PDF: DSS + document timestamp)
  --countersign   counter-sign an existing .p7m (same name: needs --out or --overwrite)
  --signer N      which signature to counter-sign (1 = the first, default)`,
};

export type SignLtv = Pick<SignPolicy, 'level' | 'tsa' | 'countersign'>;

function countersignFrom(ctx: CommandContext): SignPolicy['countersign'] | { usage: string } {
  const raw = stringOption(ctx, 'signer');
  if (ctx.values.countersign !== true) {
    return raw
      ? {
          usage: t({
            it: '--signer vale solo con --countersign.',
            en: '--signer only goes with --countersign.',
          }),
        }
      : undefined;
  }
  const n = raw === undefined ? 1 : /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : undefined;
  if (n === undefined)
    return {
      usage: t({ it: '--signer vuole un numero da 1 in su.', en: '--signer wants a number from 1 up.' }),
    };
  return { signerIndex: n };
}

/** The level, TSA and counter-signing part of the policy, or `{ usage }` (exit 2). */
export function ltvFromCli(ctx: CommandContext): SignLtv | { usage: string } {
  const requested = stringOption(ctx, 'level')?.toUpperCase();
  const level = (requested ?? (stringOption(ctx, 'tsa') ? 'T' : 'B')) as SignLevel;
  if (!SIGN_LEVELS.includes(level)) {
    return { usage: t({ it: 'Livello sconosciuto: {l}', en: 'Unknown level: {l}' }, { l: requested ?? '' }) };
  }
  const countersign = countersignFrom(ctx);
  if (countersign && 'usage' in countersign) return countersign;
  if (level === 'B') return { level, countersign };
  const tsa = tsaFromCli(ctx);
  if ('usage' in tsa) return tsa;
  return { level, tsa, countersign };
}
