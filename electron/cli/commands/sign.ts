/**
 * `sigillo sign [--json] [--module PATH] [--token L] [--cert ID] [--format auto|cades|pades|xades]
 * [--digest sha256|sha384|sha512] [--nest] [--detached] [--out DIR] [--overwrite] FILE...`: the options become
 * the core's signing policy (core/sign/sign-batch.ts: one module load, one login, one PIN, a result per file);
 * this file only translates options, asks the PIN and prints.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DIGEST_NAMES, type DigestName } from '../../core/crypto/key-signer';
import { cleanStaleTemps } from '../../core/files/stale-temp';
import { SigilloError, type ErrorInfo } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { REQUESTED_FORMATS, type RequestedFormat, type SignFormat } from '../../core/sign/format-routing';
import { signBatch, type BatchFileResult, type OpenedSigner } from '../../core/sign/sign-batch';
import { checkPolicy, type SignPolicy } from '../../core/sign/sign-policy';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command';
import { usageText } from '../usage';
import { withCliHint } from '../error-hints';
import { openCardService, stringOption, tokenOptions } from '../card-options';
import { readSecret } from '../secret-input';
import { SIGN_HELP } from './sign-help';
import { padesCliOptions, padesOptionsFrom } from './sign-pades-options';
import { ltvFromCli, signLtvCliOptions } from '../sign-ltv-options';

export interface SignResultJson {
  input: string;
  output: string | null;
  format: SignFormat;
  error?: ErrorInfo;
}

const FORMAT_LABEL: Record<SignFormat, string> = { cades: 'CAdES', pades: 'PAdES', xades: 'XAdES' };

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

function printResult(ctx: CommandContext, r: SignResultJson, p: SignPolicy): void {
  if (r.error) {
    ctx.out.warn(`✖ ${r.input}: ${r.error.message}`);
    return;
  }
  const kind = p.countersign
    ? t({ it: 'controfirma CAdES', en: 'CAdES counter-signature' })
    : p.detached
      ? t({ it: 'CAdES separata', en: 'CAdES detached' })
      : FORMAT_LABEL[r.format];
  const level = p.level === 'B' ? '' : `, ${t({ it: 'livello', en: 'level' })} ${p.level}`;
  ctx.out.line(`✔ ${r.input} → ${r.output} (${kind}${level})`);
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

/** Loads the module, finds the token and certificate, asks the PIN (zeroed after the login) and logs in. */
async function openSigner(ctx: CommandContext): Promise<OpenedSigner> {
  const svc = await openCardService(ctx);
  try {
    const token = svc.findToken(stringOption(ctx, 'token'));
    const certId = svc.chooseCertificate(token, stringOption(ctx, 'cert')).id;
    const pin = await readSecret(
      ctx.env,
      'SIGILLO_PIN',
      t({ it: 'PIN di "{t}": ', en: 'PIN of "{t}": ' }, { t: token.label }),
      t({ it: 'il PIN', en: 'The PIN' }),
    );
    let session;
    try {
      session = svc.login(token.serialNumber || token.label, pin);
    } finally {
      pin.fill(0);
    }
    const s = session;
    return {
      signer: s.signer(certId),
      close: () => {
        try {
          s.logout();
        } finally {
          svc.close();
        }
      },
    };
  } catch (e) {
    svc.close();
    throw e;
  }
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
    // the core's per-file errors get the CLI option that fixes them (e.g. OUTPUT_EXISTS → --overwrite)
    const withHint = (r: BatchFileResult): SignResultJson =>
      r.error ? { ...r, error: withCliHint(r.error) } : r;
    const results: SignResultJson[] = (
      await signBatch(files, policy, () => openSigner(ctx), {
        onProgress: (i, done, total) => ctx.out.progress(basename(files[i] as string), done, total),
        onFileDone: (r: BatchFileResult) => {
          ctx.out.progressDone();
          if (!ctx.out.json) printResult(ctx, withHint(r), policy);
        },
      })
    ).map(withHint);
    if (ctx.out.json) ctx.out.result(results);
    return results.some((r) => r.error) ? EXIT_FAILURE : EXIT_OK;
  },
};
