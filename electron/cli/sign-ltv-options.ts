/**
 * `sign --tsa URL --level B|T|LT|LTA`: which long-term level the new signature gets. --tsa alone means T
 * (CAdES-T / PAdES-B-T: a signature timestamp inside the signature); B is the plain signature.
 */
import { signatureTimestamper } from '../core/ltv/cades-t';
import { countersignFile } from '../core/ltv/countersign-file';
import { ltFinisher } from '../core/ltv/cades-lt';
import { SigilloError } from '../core/errors';
import { signFile } from '../core/sign/format-routing';
import type { SignFileOptions, SignFileResult, SignFormat } from '../core/sign/format-routing';
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

export type SignLevel = 'B' | 'T' | 'LT' | 'LTA';
const LEVELS: readonly SignLevel[] = ['B', 'T', 'LT', 'LTA'];
const SUPPORTED: readonly SignLevel[] = ['B', 'T', 'LT'];

export const SIGN_LTV_HELP = {
  it: `  --tsa URL       marca temporale nella firma (CAdES-T / PAdES-B-T); altrimenti SIGILLO_TSA_URL con --level T
  --level L       B (predefinito senza --tsa) o T (predefinito con --tsa); LT (solo .p7m: anche certificati e CRL); LTA non ancora disponibile
  --countersign   controfirma di un .p7m esistente (stesso nome: serve --out o --overwrite)
  --signer N      quale firma controfirmare (1 = la prima, predefinito)`,
  en: `  --tsa URL       timestamp inside the signature (CAdES-T / PAdES-B-T); else SIGILLO_TSA_URL with --level T
  --level L       B (default without --tsa) or T (default with --tsa); LT (.p7m only: certificates and CRLs too); LTA not available yet
  --countersign   counter-sign an existing .p7m (same name: needs --out or --overwrite)
  --signer N      which signature to counter-sign (1 = the first, default)`,
};

function ltCadesOnly(): SigilloError {
  return new SigilloError(
    'LEVEL_UNSUPPORTED',
    t({
      it: 'Il livello LT per ora è disponibile solo per le firme CAdES (.p7m) nuove; per i PDF usare T.',
      en: 'Level LT is for now available only for new CAdES (.p7m) signatures; for PDFs use T.',
    }),
  );
}

export interface SignLtv {
  level: SignLevel;
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
  /** replaces signFile for every file (--countersign; LT: p7m only) */
  signFile?: (format: SignFormat, opts: SignFileOptions) => Promise<SignFileResult>;
}

function countersignFrom(ctx: CommandContext): SignLtv['signFile'] | { usage: string } | undefined {
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
  return (_format, opts) => countersignFile({ ...opts, signerIndex: n });
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
          it: 'Il livello {l} non è ancora disponibile (usare B, T o LT).',
          en: 'Level {l} is not available yet (use B, T or LT).',
        },
        { l: level },
      ),
    };
  }
  const countersign = countersignFrom(ctx);
  if (countersign && 'usage' in countersign) return countersign;
  if (level === 'B') return { level, signFile: countersign };
  const tsa = tsaFromCli(ctx);
  if ('usage' in tsa) return tsa;
  if (level === 'T') return { level, finishSignerInfo: signatureTimestamper(tsa), signFile: countersign };
  const run = countersign ?? signFile;
  return {
    level,
    finishSignerInfo: ltFinisher(tsa),
    signFile: (format, opts) => {
      if (format !== 'cades' || countersign) return Promise.reject(ltCadesOnly());
      return run(format, opts);
    },
  };
}
