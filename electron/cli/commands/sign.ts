/**
 * `sigillo sign [--json] [--module PATH] [--token L] [--cert ID] [--format auto|cades|pades|xades]
 * [--digest sha256|sha384|sha512] [--nest] [--detached] [--out DIR] [--overwrite] FILE...`: the options become
 * the core's signing policy (core/sign/sign-batch.ts: one module load, one login, one PIN, a result per file);
 * this file only translates and checks options and starts the early work on the first file (sign/prefetch.ts);
 * sign-run.ts, loaded after that, asks the PIN, signs and prints.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DIGEST_NAMES, type DigestName } from '../../core/crypto/key-signer';
import { cleanStaleTemps } from '../../core/files/stale-temp';
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { REQUESTED_FORMATS, type RequestedFormat } from '../../core/sign/format-routing';
import { startBatchPrefetch } from '../../core/sign/prefetch';
import { checkPolicy, type SignPolicy } from '../../core/sign/sign-policy';
import { EXIT_USAGE, type Command, type CommandContext } from '../command';
import { usageText } from '../usage';
import { stringOption, tokenOptions } from '../card-options';
import { SIGN_HELP } from './sign-help';
import { padesCliOptions, padesOptionsFrom } from './sign-pades-options';
import { ltvFromCli, signLtvCliOptions } from '../sign-ltv-options';

function usage(ctx: CommandContext, message: string): number {
  ctx.out.warn(usageText(['sign'], message));
  return EXIT_USAGE;
}

async function checkOutDir(dir: string): Promise<void> {
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) {
    throw new SigilloError(
      'OUTPUT_DIR_NOT_FOUND',
      t({ it: 'La cartella {dir} non esiste.', en: 'The folder {dir} does not exist.' }, { dir }),
    );
  }
}

/** The policy from the options, or `{ usage }` (exit 2). */
function policyFrom(ctx: CommandContext): SignPolicy | { usage: string } {
  const format = (stringOption(ctx, 'format') ?? 'auto') as RequestedFormat;
  const digest = (stringOption(ctx, 'digest') ?? 'sha256') as DigestName;
  if (!REQUESTED_FORMATS.includes(format)) {
    return { usage: t({ it: 'Formato sconosciuto: {f}', en: 'Unknown format: {f}' }, { f: format }) };
  }
  if (!DIGEST_NAMES.includes(digest)) {
    return {
      usage: t({ it: 'Algoritmo di hash sconosciuto: {d}', en: 'Unknown digest: {d}' }, { d: digest }),
    };
  }
  const pades = padesOptionsFrom(ctx);
  if ('usage' in pades) return pades;
  const ltv = ltvFromCli(ctx);
  if ('usage' in ltv) return ltv;
  const policy: SignPolicy = {
    format,
    digest,
    outputDir: stringOption(ctx, 'out'),
    overwrite: ctx.values.overwrite === true,
    nest: ctx.values.nest === true,
    detached: ctx.values.detached === true,
    pades,
    ...ltv,
  };
  try {
    checkPolicy(policy);
  } catch (e) {
    if (e instanceof SigilloError) return { usage: e.message };
    throw e;
  }
  return policy;
}

export const signCommand: Command = {
  path: ['sign'],
  summary: {
    it: 'firma file (CAdES .p7m/.p7s, PAdES PDF, XAdES XML)',
    en: 'sign files (CAdES .p7m/.p7s, PAdES PDF, XAdES XML)',
  },
  help: SIGN_HELP,
  options: {
    ...tokenOptions,
    format: { type: 'string' },
    digest: { type: 'string' },
    nest: { type: 'boolean' },
    detached: { type: 'boolean' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
    ...padesCliOptions,
    ...signLtvCliOptions,
  },
  allowPositionals: true,
  async run(ctx) {
    const files = ctx.positionals;
    if (files.length === 0) return usage(ctx, t({ it: 'Nessun file da firmare.', en: 'No file to sign.' }));
    const policy = policyFrom(ctx);
    if ('usage' in policy) return usage(ctx, policy.usage);
    if (policy.outputDir) await checkOutDir(policy.outputDir);
    const folders = new Set(
      files.map((f) => (policy.outputDir ? resolve(policy.outputDir) : dirname(resolve(f)))),
    );
    for (const folder of folders) await cleanStaleTemps(folder);
    // the first file's copy and hash start now, while the signing and PKCS#11 code load (~0.1 s), on the
    // hashing thread the entry started when it saw a big file (early-work.ts)
    const prefetched = startBatchPrefetch(files, policy, undefined, ctx.early?.copyHashThread);
    try {
      const { signRun } = await import('./sign-run.js');
      return await signRun(ctx, files, policy, prefetched);
    } finally {
      await (await prefetched)?.cancel();
    }
  },
};
