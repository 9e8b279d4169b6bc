/**
 * `sigillo extend [--json] --level T|LT|LTA [--tsa URL] [--out DIR] [--overwrite] FILE.p7m...`: raises the
 * signatures of existing p7m files to a long-term level (CAdES-T, -LT, -LTA) without invalidating anything.
 */
import { type ErrorInfo } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { EXTEND_LEVELS, extendFile, type ExtendLevel } from '../../core/ltv/extend-file';
import type { TsaConfig } from '../../core/tsa/tsa-client';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command';
import { usageText } from '../usage';
import { stringOption } from '../card-options';
import { TSA_HELP, tsaCliOptions, tsaFromCli } from '../tsa-options';
import { cliErrorInfo } from '../error-hints';

export interface ExtendResultJson {
  input: string;
  output: string | null;
  level: ExtendLevel;
  added?: string[];
  error?: ErrorInfo;
}

const HELP = {
  it: `Uso: sigillo extend [--json] --level T|LT|LTA [--tsa URL] [--out CARTELLA] [--overwrite] FILE.p7m...

Porta le firme di un .p7m a un livello a lungo termine senza invalidarle:
  T    aggiunge la marca temporale della firma (CAdES-T) dove manca
  LT   anche i certificati e le liste di revoca (certificate-values, revocation-values): la verifica
       funziona poi anche offline. Per un PDF firmato: LT aggiunge un DSS (PAdES-B-LT, /DSS con /VRI)
  LTA  anche una marca temporale d’archivio (archive-time-stamp-v3, CAdES-LTA) su firma, certificati e
       revoche; per un PDF: DSS e poi una marca temporale del documento (PAdES-B-LTA, ETSI.RFC3161)
${TSA_HELP.it}
  --out CARTELLA   dove scrivere (stesso nome); altrimenti serve --overwrite per sostituire il file
  --json           [{"input","output","level","added","error"?}]

Uscita: 0 tutto esteso (o già al livello), 1 almeno un errore, 2 uso errato.`,
  en: `Usage: sigillo extend [--json] --level T|LT|LTA [--tsa URL] [--out DIR] [--overwrite] FILE.p7m...

Raises the signatures of a .p7m to a long-term level without invalidating them:
  T    adds the signature timestamp (CAdES-T) where missing
  LT   also the certificates and revocation lists (certificate-values, revocation-values): verification
       then works offline too. For a signed PDF: LT appends a DSS (PAdES-B-LT, /DSS with /VRI)
  LTA  also an archive timestamp (archive-time-stamp-v3, CAdES-LTA) over signature, certificates and
       revocation data; for a PDF: the DSS, then a document timestamp (PAdES-B-LTA, ETSI.RFC3161)
${TSA_HELP.en}
  --out DIR        where to write (same name); otherwise --overwrite is needed to replace the file
  --json           [{"input","output","level","added","error"?}]

Exit: 0 everything extended (or already at the level), 1 at least one error, 2 usage error.`,
};

function usage(ctx: CommandContext, message: string): number {
  ctx.out.warn(usageText(['extend'], message));
  return EXIT_USAGE;
}

function print(ctx: CommandContext, r: ExtendResultJson): void {
  if (r.error) ctx.out.warn(`✖ ${r.input}: ${r.error.message}`);
  else if (!r.output) {
    ctx.out.line(
      t({ it: '✔ {f}: già al livello {l}', en: '✔ {f}: already at level {l}' }, { f: r.input, l: r.level }),
    );
  } else ctx.out.line(`✔ ${r.input} → ${r.output} (${r.level}: ${(r.added ?? []).join(', ')})`);
}

export const extendCommand: Command = {
  path: ['extend'],
  summary: {
    it: 'estende le firme .p7m (CAdES-T, -LT, -LTA) e i PDF firmati',
    en: 'extend .p7m signatures (CAdES-T, -LT, -LTA) and signed PDFs',
  },
  help: HELP,
  options: {
    ...tsaCliOptions,
    level: { type: 'string' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(ctx) {
    const level = stringOption(ctx, 'level')?.toUpperCase() as ExtendLevel | undefined;
    if (ctx.positionals.length === 0) return usage(ctx, t({ it: 'Nessun file.', en: 'No file.' }));
    if (!level || !EXTEND_LEVELS.includes(level)) {
      return usage(
        ctx,
        t({
          it: 'Indicare --level T, LT o LTA.',
          en: 'Give --level T, LT or LTA.',
        }),
      );
    }
    let tsa: TsaConfig | undefined;
    if (stringOption(ctx, 'tsa') || ctx.env.SIGILLO_TSA_URL) {
      const cfg = tsaFromCli(ctx);
      if ('usage' in cfg) return usage(ctx, cfg.usage);
      tsa = cfg;
    }
    const results: ExtendResultJson[] = [];
    for (const input of ctx.positionals) {
      try {
        const r = await extendFile({
          input,
          level,
          tsa,
          outputDir: stringOption(ctx, 'out'),
          overwrite: ctx.values.overwrite === true,
        });
        results.push({ input, output: r.output, level, added: r.added });
      } catch (e) {
        results.push({ input, output: null, level, error: cliErrorInfo(e) });
      }
      if (!ctx.out.json) print(ctx, results[results.length - 1]!);
    }
    if (ctx.out.json) ctx.out.result(results);
    return results.some((r) => r.error) ? EXIT_FAILURE : EXIT_OK;
  },
};
