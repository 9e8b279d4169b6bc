/**
 * `sigillo sign [--json] [--module PATH] [--token L] [--cert ID] [--format auto|cades|pades]
 * [--digest sha256|sha384|sha512] [--nest] [--out DIR] [--overwrite] FILE...`: one module load, one login,
 * one PIN, a signature per file, a result per file.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DIGEST_NAMES, type DigestName } from '../../core/crypto/key-signer';
import { cleanStaleTemps } from '../../core/files/stale-temp';
import { SigilloError, type ErrorInfo } from '../../core/errors';
import { cliErrorInfo } from '../error-hints';
import { t } from '../../core/i18n/translate';
import {
  REQUESTED_FORMATS,
  routeFormat,
  signFile,
  type RequestedFormat,
  type SignFormat,
} from '../../core/sign/format-routing';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command';
import { stringOption, tokenOptions, withCardService } from '../card-options';
import { readSecret } from '../secret-input';
import { SIGN_HELP } from './sign-help';
import { padesCliOptions, padesOptionsFrom } from './sign-pades-options';
import { ltvFromCli, signLtvCliOptions, type SignLtv } from '../sign-ltv-options';
import { Prefetch } from '../../core/sign/prefetch';
import type { PadesFileOptions } from '../../core/sign/pades-file';
import { withIssuerChain } from '../../core/sign/issuer-chain';

export interface SignResultJson {
  input: string;
  output: string | null;
  format: SignFormat;
  error?: ErrorInfo;
}

const FORMAT_LABEL: Record<SignFormat, string> = { cades: 'CAdES', pades: 'PAdES', xades: 'XAdES' };

function usage(ctx: CommandContext, message: string): number {
  ctx.out.warn(`${message}\n\n${t(SIGN_HELP)}`);
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

function printResult(ctx: CommandContext, r: SignResultJson): void {
  if (r.error) ctx.out.warn(`✖ ${r.input}: ${r.error.message}`);
  else ctx.out.line(`✔ ${r.input} → ${r.output} (${FORMAT_LABEL[r.format]})`);
}

export const signCommand: Command = {
  path: ['sign'],
  summary: {
    it: 'firma file (CAdES .p7m, PAdES PDF, XAdES XML)',
    en: 'sign files (CAdES .p7m, PAdES PDF, XAdES XML)',
  },
  help: SIGN_HELP,
  options: {
    ...tokenOptions,
    format: { type: 'string' },
    digest: { type: 'string' },
    nest: { type: 'boolean' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
    ...padesCliOptions,
    ...signLtvCliOptions,
  },
  allowPositionals: true,
  async run(ctx) {
    const files = ctx.positionals;
    const format = (stringOption(ctx, 'format') ?? 'auto') as RequestedFormat;
    const digest = (stringOption(ctx, 'digest') ?? 'sha256') as DigestName;
    const outDir = stringOption(ctx, 'out');
    if (files.length === 0) return usage(ctx, t({ it: 'Nessun file da firmare.', en: 'No file to sign.' }));
    if (!REQUESTED_FORMATS.includes(format)) {
      return usage(ctx, t({ it: 'Formato sconosciuto: {f}', en: 'Unknown format: {f}' }, { f: format }));
    }
    if (!DIGEST_NAMES.includes(digest)) {
      return usage(
        ctx,
        t({ it: 'Algoritmo di hash sconosciuto: {d}', en: 'Unknown digest: {d}' }, { d: digest }),
      );
    }
    const pades = padesOptionsFrom(ctx);
    if ('usage' in pades) return usage(ctx, pades.usage);
    const ltv = ltvFromCli(ctx);
    if ('usage' in ltv) return usage(ctx, ltv.usage);
    if (outDir) await checkOutDir(outDir);
    const folders = new Set(files.map((f) => (outDir ? resolve(outDir) : dirname(resolve(f)))));
    for (const folder of folders) await cleanStaleTemps(folder);
    const overwrite = ctx.values.overwrite === true;
    const nest = ctx.values.nest === true;
    // a big first file starts being read (copied, hashed) while the PKCS#11 module loads and the PIN is asked
    const first = files[0] as string;
    const prefetched =
      ctx.values.countersign === true
        ? undefined
        : await Prefetch.start({
            format: routeFormat(first, format),
            input: first,
            digest,
            outputDir: outDir,
            overwrite,
          }).catch(() => undefined);
    try {
      return await signAll(ctx, { files, format, digest, outDir, overwrite, nest, pades, ltv, prefetched });
    } finally {
      await prefetched?.cancel();
    }
  },
};

interface SignPlan {
  files: string[];
  format: RequestedFormat;
  digest: DigestName;
  outDir?: string;
  overwrite: boolean;
  nest: boolean;
  pades: PadesFileOptions;
  ltv: SignLtv;
  prefetched?: Prefetch;
}

/** One login, then a signature per file and a result per file. */
async function signAll(ctx: CommandContext, plan: SignPlan): Promise<number> {
  const { files, format, digest, outDir, pades, ltv } = plan;
  const results = await withCardService(ctx, async (svc) => {
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
    try {
      const signer = await withIssuerChain(session.signer(certId));
      const out: SignResultJson[] = [];
      for (const input of files) {
        const fmt = routeFormat(input, format);
        try {
          const r = await (ltv.signFile ?? signFile)(fmt, {
            input,
            outputDir: outDir,
            overwrite: plan.overwrite,
            digest,
            signer,
            nest: plan.nest,
            pades,
            prefetched: plan.prefetched,
            finishSignerInfo: ltv.finishSignerInfo,
            onProgress: (done, total) => ctx.out.progress(basename(input), done, total),
          });
          out.push({ input, output: r.output, format: r.format });
        } catch (e) {
          out.push({ input, output: null, format: fmt, error: cliErrorInfo(e) });
        } finally {
          ctx.out.progressDone();
        }
        if (!ctx.out.json) printResult(ctx, out[out.length - 1]!);
      }
      return out;
    } finally {
      session.logout();
    }
  });
  if (ctx.out.json) ctx.out.result(results);
  return results.some((r) => r.error) ? EXIT_FAILURE : EXIT_OK;
}
