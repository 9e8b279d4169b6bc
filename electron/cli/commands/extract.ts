/**
 * `sigillo extract [--json] [--out DIR] [--overwrite] [--force] FILE.p7m...`: writes the signed content
 * (`fattura.xml.p7m` → `fattura.xml`), nested levels unwrapped. Exit 0 when every file was extracted intact.
 */
import { t } from '../../core/i18n/translate';
import type { ExtractResult } from '../../core/verify/extract';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command';
import { usageText } from '../usage';
import { EXTRACT_HINTS, withCliHint } from '../error-hints';
import {
  extractAny,
  PDF_EXTRACT_HELP,
  pdfExtractOptions,
  pdfExtractUsage,
  signatureOption,
} from './extract-pdf';

const HELP = {
  it: `Uso: sigillo extract [--json] [--out CARTELLA] [--overwrite] [--force] FILE.p7m...

Estrae il documento firmato, secondo il file:
  .p7m (CAdES; anche annidati, base64 o BER): fattura.xml.p7m → fattura.xml
  PDF firmato (PAdES): la revisione coperta da una firma (vedi --signature)
  ASiC-E / ASiC-S (.asice, .sce, .asics, .scs, .bdoc): tutti i file firmati
  marche temporali .tsd e .m7m: il documento marcato (doc.pdf.tsd → doc.pdf)
Una firma separata (.p7s, .tsr) non contiene il documento: non c'è niente da estrarre.
  --out CARTELLA   dove scrivere (predefinito: accanto al file)
  --overwrite      sostituisce un file esistente (altrimenti errore)
  --force          estrae anche se la firma non è integra (il problema viene comunque segnalato)
  --json           un array JSON {file, output, error, integrity, levels}
${PDF_EXTRACT_HELP.it}
Contenitore ASiC (.asice/.sce/.asics/.scs/.bdoc): estrae tutti i file firmati in CARTELLA/NOME/ (contratto.asice →
contratto/), dopo il controllo delle firme; nomi pericolosi (../, assoluti) e zip bomb rifiutati.`,
  en: `Usage: sigillo extract [--json] [--out DIR] [--overwrite] [--force] FILE.p7m...

Extracts the signed document, by file kind:
  .p7m (CAdES; nested, base64 or BER too): fattura.xml.p7m → fattura.xml
  signed PDF (PAdES): the revision a signature covers (see --signature)
  ASiC-E / ASiC-S (.asice, .sce, .asics, .scs, .bdoc): every signed file
  timestamps .tsd and .m7m: the timestamped document (doc.pdf.tsd → doc.pdf)
A detached signature (.p7s, .tsr) holds no document: there is nothing to extract.
  --out DIR        where to write (default: beside the file)
  --overwrite      replaces an existing file (otherwise an error)
  --force          extracts even when the signature is not intact (the problem is still reported)
  --json           a JSON array {file, output, error, integrity, levels}
${PDF_EXTRACT_HELP.en}
ASiC container (.asice/.sce/.asics/.scs/.bdoc): extracts every signed file into DIR/NAME/ (contratto.asice →
contratto/), after checking the signatures; unsafe names (../, absolute) and zip bombs are refused.`,
};

function print(ctx: CommandContext, r: ExtractResult): void {
  if (r.error) ctx.out.warn(`✖ ${r.file}: ${r.error.message}`);
  else if (r.integrity === 'invalid') {
    ctx.out.line(`⚠ ${r.file} → ${r.output}`);
    ctx.out.warn(
      t({
        it: '  Attenzione: la firma non è integra, il contenuto potrebbe essere stato modificato.',
        en: '  Warning: the signature is not intact, the content may have been changed.',
      }),
    );
  } else ctx.out.line(`✔ ${r.file} → ${r.output}`);
  if (r.skipped?.length)
    ctx.out.warn(
      t(
        {
          it: '  ⚠ Non estratti, nessuna firma li copre (--force per estrarli comunque): {names}',
          en: '  ⚠ Not extracted, no signature covers them (--force extracts them anyway): {names}',
        },
        { names: r.skipped.join(', ') },
      ),
    );
}

export const extractCommand: Command = {
  path: ['extract'],
  summary: {
    it: 'estrae il documento firmato (.p7m, PDF, ASiC, .tsd, .m7m)',
    en: 'extract the signed document (.p7m, PDF, ASiC, .tsd, .m7m)',
  },
  help: HELP,
  options: {
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
    force: { type: 'boolean' },
    ...pdfExtractOptions,
  },
  allowPositionals: true,
  async run(ctx) {
    if (ctx.positionals.length === 0) {
      ctx.out.warn(
        usageText(['extract'], t({ it: 'Indicare almeno un file.', en: 'Give at least one file.' })),
      );
      return EXIT_USAGE;
    }
    const opts = {
      outDir: typeof ctx.values.out === 'string' ? ctx.values.out : undefined,
      overwrite: ctx.values.overwrite === true,
      force: ctx.values.force === true,
    };
    const signature = signatureOption(ctx);
    if (signature === null) {
      ctx.out.warn(usageText(['extract'], pdfExtractUsage()));
      return EXIT_USAGE;
    }
    const results: ExtractResult[] = [];
    for (const f of ctx.positionals) {
      const got = await extractAny(f, opts, signature ?? undefined);
      const r = got.error ? { ...got, error: withCliHint(got.error, EXTRACT_HINTS) } : got;
      results.push(r);
      if (!ctx.out.json) print(ctx, r);
    }
    if (ctx.out.json) ctx.out.result(results);
    return results.every((r) => !r.error && r.integrity === 'valid') ? EXIT_OK : EXIT_FAILURE;
  },
};
