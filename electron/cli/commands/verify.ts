/**
 * `sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--visual-diff DIR] [--overwrite] FILE|DIR...`
 * Exit 0 only when every signature of every file is TOTAL_PASSED; 1 otherwise; 2 for usage errors.
 */
import { resolve } from 'node:path';
import { t } from '../../core/i18n/translate';
import { checkOutput } from '../../core/files/atomic-output';
import { regularInput } from '../../core/files/file-kind';
import { poolThreads, startVerifierThreads } from '../../core/validate/verify-pool';
import { trustStatus } from '../../core/tsl/tsl-status';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command } from '../command';
import { usageText } from '../usage';
import { expandInputs, nothingToVerify } from './verify-inputs';
import { allPassed, fileSummary } from './verify-text';
import { staleWarning } from './trust-text';
import { checkVisualDir, visualLines, writeVisualDiff } from './verify-visual';
import { withCliHint } from '../error-hints';

const HELP = {
  it: `Uso: sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--visual-diff CARTELLA] [--overwrite] FILE|CARTELLA...

Verifica file firmati, riconosciuti dal contenuto:
  PDF (PAdES: B-B, B-T, B-LT, B-LTA; modifiche dopo la firma)
  .p7m / .p7s / .p7 / .pkcs7 (CAdES-BES/T/LT, CMS; DER, BER, base64; anche annidate e controfirmate)
  XML (XAdES, anche fatture FatturaPA)
  ASiC-E / ASiC-S (.asice, .sce, .asics, .scs, .bdoc)
  marche temporali .tsd, .m7m, .tsr (quest'ultima con il file marcato accanto o --content)
  --trust FILE     certificati fidati (PEM o DER; ripetibile)
  --no-tsl         non usa le liste di fiducia UE salvate da 'sigillo trust update'
  --offline        non usa la rete: revoca solo dalla cache
  --content FILE   il file firmato di una firma separata (.p7s, .tsr); predefinito: il nome senza estensione
  --report PDF     scrive un rapporto di verifica in PDF (una pagina per file)
  --visual-diff CARTELLA  per ogni firma PDF e ogni pagina cambiata dopo la firma, un PNG NOME-sigN-pP.png
                   (versione firmata | ora | differenze evidenziate) e "visualChanges" nel JSON
  --overwrite      sostituisce il rapporto PDF (e le immagini) se esiste
  --json           un array JSON con un oggetto per file
Una cartella vale per i file .p7m/.p7s/.p7/.pkcs7/.pdf che contiene.
Uscita 0 solo se tutte le firme sono TOTAL_PASSED; 1 altrimenti; 2 per errori d'uso.`,
  en: `Usage: sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--visual-diff FOLDER] [--overwrite] FILE|FOLDER...

Verifies signed files, recognised by their content:
  PDF (PAdES: B-B, B-T, B-LT, B-LTA; changes after signing)
  .p7m / .p7s / .p7 / .pkcs7 (CAdES-BES/T/LT, CMS; DER, BER, base64; nested and counter-signed too)
  XML (XAdES, FatturaPA invoices too)
  ASiC-E / ASiC-S (.asice, .sce, .asics, .scs, .bdoc)
  timestamps .tsd, .m7m, .tsr (the last with the timestamped file beside it or --content)
  --trust FILE     trusted certificates (PEM or DER; repeatable)
  --no-tsl         does not use the EU trusted lists saved by 'sigillo trust update'
  --offline        no network: revocation from the cache only
  --content FILE   the signed file of a detached signature (.p7s, .tsr); default: the name without extension
  --report PDF     writes a verification report as PDF (one page per file)
  --visual-diff FOLDER  for each PDF signature and each page changed after signing, a PNG NAME-sigN-pP.png
                   (signed version | now | differences highlighted) and "visualChanges" in the JSON
  --overwrite      replaces the PDF report (and the images) if it exists
  --json           a JSON array with one object per file
A folder stands for the .p7m/.p7s/.p7/.pkcs7/.pdf files in it.
Exit 0 only when every signature is TOTAL_PASSED; 1 otherwise; 2 for usage errors.`,
};

export const verifyCommand: Command = {
  path: ['verify'],
  summary: {
    it: 'verifica file firmati (PDF, .p7m, .p7s, XML, ASiC, .tsd)',
    en: 'verify signed files (PDF, .p7m, .p7s, XML, ASiC, .tsd)',
  },
  help: HELP,
  options: {
    trust: { type: 'string', multiple: true },
    'no-tsl': { type: 'boolean' },
    offline: { type: 'boolean' },
    content: { type: 'string' },
    report: { type: 'string' },
    'visual-diff': { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(ctx) {
    if (ctx.positionals.length === 0) {
      ctx.out.warn(
        usageText(['verify'], t({ it: 'Indicare almeno un file.', en: 'Give at least one file.' })),
      );
      return EXIT_USAGE;
    }
    const reportPath = typeof ctx.values.report === 'string' ? resolve(ctx.values.report) : undefined;
    const overwrite = ctx.values.overwrite === true;
    if (reportPath) await checkOutput(reportPath, { overwrite });
    const visualDir =
      typeof ctx.values['visual-diff'] === 'string'
        ? await checkVisualDir(ctx.values['visual-diff'])
        : undefined;
    const sessionOptions = {
      trustFiles: (ctx.values.trust as string[] | undefined) ?? [],
      offline: ctx.values.offline === true,
      env: ctx.env,
      trustedLists: ctx.values['no-tsl'] !== true,
    };
    const content = typeof ctx.values.content === 'string' ? ctx.values.content : undefined;
    if (content) await regularInput(content); // a FIFO or device as --content would be read forever
    const files = await expandInputs(ctx.positionals);
    // verifier threads start before the verification code is loaded here: they load theirs meanwhile
    const threads = poolThreads(files.length, ctx.env);
    const pool =
      threads > 0
        ? startVerifierThreads(files, { session: sessionOptions, content }, { threads })
        : undefined;
    let verified;
    try {
      const { openVerification, verifyFiles } = await import('../../core/validate/session.js');
      const session = await openVerification(sessionOptions);
      if (ctx.values['no-tsl'] !== true) {
        const stale = staleWarning(await trustStatus(ctx.env));
        if (stale) ctx.out.warn(stale);
      }
      if (files.length === 0) throw nothingToVerify(ctx.positionals);
      verified = pool
        ? await pool.run({ ...session, content })
        : await verifyFiles(files, { ...session, content });
    } finally {
      pool?.stop();
    }
    const reports = verified.map((r) => (r.error ? { ...r, error: withCliHint(r.error) } : r));
    const visual = visualDir ? await writeVisualDiff(reports, visualDir, overwrite) : undefined;
    if (ctx.out.json) ctx.out.result(reports);
    else for (const r of reports) ctx.out.line(fileSummary(r));
    if (visual && !ctx.out.json) for (const l of visualLines(reports, visual)) ctx.out.line(l);
    if (reportPath) {
      // loaded only when asked for: pdf-lib costs a noticeable part of the start-up
      const { writeVerificationReport } = await import('../../core/report/verification-report.js');
      const { reportTrustState } = await import('../../core/report/report-context.js');
      const trust = await reportTrustState({
        trustedLists: ctx.values['no-tsl'] !== true,
        trustFiles: (ctx.values.trust as string[] | undefined) ?? [],
        env: ctx.env,
      });
      await writeVerificationReport(reports, reportPath, { overwrite, trust, visual });
      if (!ctx.out.json) ctx.out.warn(t({ it: 'Rapporto: {p}', en: 'Report: {p}' }, { p: reportPath }));
    }
    return allPassed(reports) ? EXIT_OK : EXIT_FAILURE;
  },
};
