/** The --tsa option shared by `timestamp`, `sign` and `extend`: URL from --tsa or SIGILLO_TSA_URL, credentials only from env. */
import { SigilloError } from '../core/errors';
import { tsaConfigFrom, type TsaConfig } from '../core/tsa/tsa-config';
import type { CommandContext, OptionsConfig } from './command';
import { stringOption } from './card-options';
import { cliErrorInfo } from './error-hints';

export const tsaCliOptions: OptionsConfig = { tsa: { type: 'string' } };

export const TSA_HELP = {
  it: `  --tsa URL        servizio di marca temporale RFC 3161 (altrimenti SIGILLO_TSA_URL); credenziali HTTP Basic
                   solo da SIGILLO_TSA_USER / SIGILLO_TSA_PASSWORD; SIGILLO_TSA_TIMEOUT secondi di attesa (30)`,
  en: `  --tsa URL        RFC 3161 time-stamping service (else SIGILLO_TSA_URL); HTTP Basic credentials only from
                   SIGILLO_TSA_USER / SIGILLO_TSA_PASSWORD; SIGILLO_TSA_TIMEOUT seconds to wait (30)`,
};

/** The TSA configuration, or a usage message when the URL is missing or not http(s). */
export function tsaFromCli(ctx: CommandContext): TsaConfig | { usage: string } {
  try {
    const cfg = tsaConfigFrom(stringOption(ctx, 'tsa'), ctx.env);
    const seconds = Number(ctx.env.SIGILLO_TSA_TIMEOUT);
    if (Number.isFinite(seconds) && seconds > 0) {
      cfg.http = { totalTimeoutMs: seconds * 1000, connectTimeoutMs: Math.min(seconds * 1000, 10_000) };
    }
    return cfg;
  } catch (e) {
    if (e instanceof SigilloError) return { usage: cliErrorInfo(e).message };
    throw e;
  }
}
