/**
 * The work of `sigillo sign` once the options are checked (commands/sign.ts): open the token (module, PIN, login),
 * sign the batch (core/sign/sign-batch.ts), print each result. Loaded after the early work on the first file has
 * started, so that loading this code (and the PKCS#11 one) overlaps it.
 */
import { basename } from 'node:path';
import type { ErrorInfo } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import type { SignFormat } from '../../core/sign/format-routing';
import type { Prefetch } from '../../core/sign/prefetch';
import { signBatch, type BatchFileResult, type OpenedSigner } from '../../core/sign/sign-batch';
import type { SignPolicy } from '../../core/sign/sign-policy';
import { EXIT_FAILURE, EXIT_OK, type CommandContext } from '../command';
import { withCliHint } from '../error-hints';
import { openCardService, stringOption } from '../card-options';
import { readSecret } from '../secret-input';

export interface SignResultJson {
  input: string;
  output: string | null;
  format: SignFormat;
  error?: ErrorInfo;
}

const FORMAT_LABEL: Record<SignFormat, string> = { cades: 'CAdES', pades: 'PAdES', xades: 'XAdES' };

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

/** Signs `files` under `policy` (checked) with the token of the options; the exit code. */
export async function signRun(
  ctx: CommandContext,
  files: string[],
  policy: SignPolicy,
  prefetched: Promise<Prefetch | undefined>,
): Promise<number> {
  // the core's per-file errors get the CLI option that fixes them (e.g. OUTPUT_EXISTS → --overwrite)
  const withHint = (r: BatchFileResult): SignResultJson =>
    r.error ? { ...r, error: withCliHint(r.error) } : r;
  const results: SignResultJson[] = (
    await signBatch(files, policy, () => openSigner(ctx), {
      prefetched,
      onProgress: (i, done, total) => ctx.out.progress(basename(files[i] as string), done, total),
      onFileDone: (r: BatchFileResult) => {
        ctx.out.progressDone();
        if (!ctx.out.json) printResult(ctx, withHint(r), policy);
      },
    })
  ).map(withHint);
  if (ctx.out.json) ctx.out.result(results);
  return results.some((r) => r.error) ? EXIT_FAILURE : EXIT_OK;
}
