/**
 * `sigillo timestamp [--json] [--tsa URL] [--format tsd|tsr|m7m] [--out DIR] [--overwrite] FILE...`: a time
 * stamp from an RFC 3161 service for each file, as FILE.tsd (default), FILE.tsr or FILE.m7m (signed p7m only).
 */
import { basename } from 'node:path';
import { type ErrorInfo } from '../../core/errors';
import { formatDateTime } from '../../../shared/format/dates';
import { t } from '../../core/i18n/translate';
import { TIMESTAMP_FORMATS, timestampFile, type TimestampFormat } from '../../core/timestamp/timestamp-file';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command';
import { usageText } from '../usage';
import { stringOption } from '../card-options';
import { TSA_HELP, tsaCliOptions, tsaFromCli } from '../tsa-options';
import { cliErrorInfo } from '../error-hints';

export interface TimestampResultJson {
  input: string;
  output: string | null;
  format: TimestampFormat;
  genTime?: string;
  serialNumber?: string;
  policy?: string;
  error?: ErrorInfo;
}

const HELP = {
  it: `Uso: sigillo timestamp [--json] [--tsa URL] [--format tsd|tsr|m7m] [--out CARTELLA] [--overwrite] FILE...

Aggiunge una marca temporale (RFC 3161) a ogni FILE:
  tsd  FILE.tsd: il file e la marca in un'unica busta (RFC 5544, predefinito)
  tsr  FILE.tsr: solo la marca (risposta del servizio), da tenere accanto al file
  m7m  per un file firmato .p7m: FILE.m7m (p7m + marca, come Dike/ArubaSign)
${TSA_HELP.it}
  --out CARTELLA   dove scrivere (predefinito: accanto al file)
  --overwrite      sostituisce un file esistente (altrimenti errore)
  --json           [{"input","output","format","genTime","serialNumber","policy","error"?}]

Uscita: 0 tutto marcato, 1 almeno un errore, 2 uso errato.`,
  en: `Usage: sigillo timestamp [--json] [--tsa URL] [--format tsd|tsr|m7m] [--out DIR] [--overwrite] FILE...

Adds an RFC 3161 timestamp to every FILE:
  tsd  FILE.tsd: the file and the timestamp in one envelope (RFC 5544, default)
  tsr  FILE.tsr: the timestamp only (the service's answer), kept beside the file
  m7m  for a signed .p7m: FILE.m7m (p7m + timestamp, as Dike/ArubaSign write it)
${TSA_HELP.en}
  --out DIR        where to write (default: beside the file)
  --overwrite      replaces an existing file (otherwise an error)
  --json           [{"input","output","format","genTime","serialNumber","policy","error"?}]

Exit: 0 everything timestamped, 1 at least one error, 2 usage error.`,
};

function usage(ctx: CommandContext, message: string): number {
  ctx.out.warn(usageText(['timestamp'], message));
  return EXIT_USAGE;
}

function print(ctx: CommandContext, r: TimestampResultJson): void {
  if (r.error) ctx.out.warn(`✖ ${r.input}: ${r.error.message}`);
  else ctx.out.line(`✔ ${r.input} → ${r.output} (${r.genTime ? formatDateTime(r.genTime) : ''})`);
}

export const timestampCommand: Command = {
  path: ['timestamp'],
  summary: { it: 'marca temporale RFC 3161 (.tsd, .tsr, .m7m)', en: 'RFC 3161 timestamp (.tsd, .tsr, .m7m)' },
  help: HELP,
  options: {
    ...tsaCliOptions,
    format: { type: 'string' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(ctx) {
    const files = ctx.positionals;
    const format = (stringOption(ctx, 'format') ?? 'tsd') as TimestampFormat;
    if (files.length === 0)
      return usage(ctx, t({ it: 'Nessun file da marcare.', en: 'No file to timestamp.' }));
    if (!TIMESTAMP_FORMATS.includes(format)) {
      return usage(ctx, t({ it: 'Formato sconosciuto: {f}', en: 'Unknown format: {f}' }, { f: format }));
    }
    const tsa = tsaFromCli(ctx);
    if ('usage' in tsa) return usage(ctx, tsa.usage);
    const results: TimestampResultJson[] = [];
    for (const input of files) {
      try {
        const r = await timestampFile({
          input,
          format,
          outputDir: stringOption(ctx, 'out'),
          overwrite: ctx.values.overwrite === true,
          tsa,
          onProgress: (done, total) => ctx.out.progress(basename(input), done, total),
        });
        results.push(r);
      } catch (e) {
        results.push({ input, output: null, format, error: cliErrorInfo(e) });
      } finally {
        ctx.out.progressDone();
      }
      if (!ctx.out.json) print(ctx, results[results.length - 1]!);
    }
    if (ctx.out.json) ctx.out.result(results);
    return results.some((r) => r.error) ? EXIT_FAILURE : EXIT_OK;
  },
};
