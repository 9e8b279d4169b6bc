/**
 * `sign --tsa URL --level B|T|LT|LTA`: which long-term level the new signature gets. --tsa alone means T
 * (CAdES-T / PAdES-B-T: a signature timestamp inside the signature); B is the plain signature. The timestamp and
 * LT/LTA code is loaded only when a level above B or --countersign asks for it (start-up of plain signing).
 */
import type { TsaConfig } from '../core/tsa/tsa-config';
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

export const SIGN_LTV_HELP = {
  it: `  --tsa URL       marca temporale nella firma (CAdES-T / PAdES-B-T); altrimenti SIGILLO_TSA_URL con --level T
  --level L       B (predefinito senza --tsa) o T (predefinito con --tsa); LT (anche certificati e CRL: p7m nella firma, PDF nel DSS); LTA (p7m: anche una marca d’archivio; PDF: DSS + marca del documento)
  --countersign   controfirma di un .p7m esistente (stesso nome: serve --out o --overwrite)
  --signer N      quale firma controfirmare (1 = la prima, predefinito)`,
  en: `  --tsa URL       timestamp inside the signature (CAdES-T / PAdES-B-T); else SIGILLO_TSA_URL with --level T
  --level L       B (default without --tsa) or T (default with --tsa); LT (certificates and CRLs too: p7m in the signature, PDF in a DSS); LTA (p7m: an archive timestamp too; PDF: DSS + document timestamp)
  --countersign   counter-sign an existing .p7m (same name: needs --out or --overwrite)
  --signer N      which signature to counter-sign (1 = the first, default)`,
};

function levelUnsupported(): SigilloError {
  return new SigilloError(
    'LEVEL_UNSUPPORTED',
    t({
      it: 'I livelli LT e LTA alla firma valgono per .p7m e PDF (non con --countersign né XAdES).',
      en: 'Levels LT and LTA when signing apply to .p7m and PDF (not with --countersign or XAdES).',
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
  return async (_format, opts) => {
    const { countersignFile } = await import('../core/ltv/countersign-file.js');
    return countersignFile({ ...opts, signerIndex: n });
  };
}

/** The CAdES-T finisher (a signature timestamp in each SignerInfo), its module loaded on first use. */
function lazyTimestamper(tsa: TsaConfig): (signerInfo: Uint8Array) => Promise<Uint8Array> {
  let stamp: ((signerInfo: Uint8Array) => Promise<Uint8Array>) | undefined;
  return async (signerInfo) => {
    stamp ??= (await import('../core/ltv/cades-t.js')).signatureTimestamper(tsa);
    return stamp(signerInfo);
  };
}

export function ltvFromCli(ctx: CommandContext): SignLtv | { usage: string } {
  const requested = stringOption(ctx, 'level')?.toUpperCase();
  const level = (requested ?? (stringOption(ctx, 'tsa') ? 'T' : 'B')) as SignLevel;
  if (!LEVELS.includes(level)) {
    return { usage: t({ it: 'Livello sconosciuto: {l}', en: 'Unknown level: {l}' }, { l: requested ?? '' }) };
  }
  const countersign = countersignFrom(ctx);
  if (countersign && 'usage' in countersign) return countersign;
  if (level === 'B') return { level, signFile: countersign };
  const tsa = tsaFromCli(ctx);
  if ('usage' in tsa) return tsa;
  if (level === 'T') return { level, finishSignerInfo: lazyTimestamper(tsa), signFile: countersign };
  const level2 = level as 'LT' | 'LTA';
  return {
    level,
    // p7m: the LT values go into the SignerInfo; PDF: B-T first, then the DSS (and the document timestamp)
    signFile: async (format, opts) => {
      if (countersign || format === 'xades') throw levelUnsupported();
      const finishSignerInfo =
        format === 'cades' ? (await import('../core/ltv/cades-lt.js')).ltFinisher(tsa) : lazyTimestamper(tsa);
      const r = await signFile(format, { ...opts, finishSignerInfo });
      if (format === 'pades') {
        const { raisePdfInPlace } = await import('../core/ltv/pades-levels.js');
        await raisePdfInPlace(r.output, level2, tsa);
      } else if (level2 === 'LTA') {
        const { raiseCadesToLtaInPlace } = await import('../core/ltv/cades-levels.js');
        await raiseCadesToLtaInPlace(r.output, tsa);
      }
      return r;
    },
  };
}
