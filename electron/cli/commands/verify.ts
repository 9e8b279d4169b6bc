/**
 * `sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--overwrite] FILE|DIR...`
 * Exit 0 only when every signature of every file is TOTAL_PASSED; 1 otherwise; 2 for usage errors.
 */
import { resolve } from 'node:path';
import { t } from '../../core/i18n/translate';
import { checkOutput } from '../../core/files/atomic-output';
import { regularInput } from '../../core/files/file-kind';
import { openVerification, verifyFiles } from '../../core/validate/session';
import { trustStatus } from '../../core/tsl/tsl-status';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command } from '../command';
import { expandInputs, nothingToVerify } from './verify-inputs';
import { allPassed, fileSummary } from './verify-text';
import { staleWarning } from './trust-text';

const HELP = {
  it: `Uso: sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--overwrite] FILE|CARTELLA...

Verifica firme .p7m / .p7s / .p7 (CAdES/CMS; DER, BER, base64), anche annidate e controfirmate.
  --trust FILE     certificati fidati (PEM o DER; ripetibile)
  --no-tsl         non usa le liste di fiducia UE salvate da 'sigillo trust update'
  --offline        non usa la rete: revoca solo dalla cache
  --content FILE   il file firmato di una firma separata (.p7s); predefinito: il nome senza .p7s
  --report PDF     scrive un rapporto di verifica in PDF (una pagina per file)
  --overwrite      sostituisce il rapporto PDF se esiste
  --json           un array JSON con un oggetto per file
Una cartella vale per i file .p7m/.p7s/.p7/.pkcs7/.pdf che contiene.
Uscita 0 solo se tutte le firme sono TOTAL_PASSED; 1 altrimenti; 2 per errori d'uso.`,
  en: `Usage: sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--overwrite] FILE|FOLDER...

Verifies .p7m / .p7s / .p7 signatures (CAdES/CMS; DER, BER, base64), nested and counter-signed ones too.
  --trust FILE     trusted certificates (PEM or DER; repeatable)
  --no-tsl         does not use the EU trusted lists saved by 'sigillo trust update'
  --offline        no network: revocation from the cache only
  --content FILE   the signed file of a detached signature (.p7s); default: the name without .p7s
  --report PDF     writes a verification report as PDF (one page per file)
  --overwrite      replaces the PDF report if it exists
  --json           a JSON array with one object per file
A folder stands for the .p7m/.p7s/.p7/.pkcs7/.pdf files in it.
Exit 0 only when every signature is TOTAL_PASSED; 1 otherwise; 2 for usage errors.`,
};

export const verifyCommand: Command = {
  path: ['verify'],
  summary: { it: 'verifica file firmati (.p7m, .p7s)', en: 'verify signed files (.p7m, .p7s)' },
  help: HELP,
  options: {
    trust: { type: 'string', multiple: true },
    'no-tsl': { type: 'boolean' },
    offline: { type: 'boolean' },
    content: { type: 'string' },
    report: { type: 'string' },
    overwrite: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(ctx) {
    if (ctx.positionals.length === 0) {
      ctx.out.warn(`${t({ it: 'Indicare almeno un file.', en: 'Give at least one file.' })}\n\n${t(HELP)}`);
      return EXIT_USAGE;
    }
    const reportPath = typeof ctx.values.report === 'string' ? resolve(ctx.values.report) : undefined;
    const overwrite = ctx.values.overwrite === true;
    if (reportPath) await checkOutput(reportPath, { overwrite });
    const session = await openVerification({
      trustFiles: (ctx.values.trust as string[] | undefined) ?? [],
      offline: ctx.values.offline === true,
      env: ctx.env,
      trustedLists: ctx.values['no-tsl'] !== true,
    });
    if (ctx.values['no-tsl'] !== true) {
      const stale = staleWarning(await trustStatus(ctx.env));
      if (stale) ctx.out.warn(stale);
    }
    const content = typeof ctx.values.content === 'string' ? ctx.values.content : undefined;
    if (content) await regularInput(content); // a FIFO or device as --content would be read forever
    const files = await expandInputs(ctx.positionals);
    if (files.length === 0) throw nothingToVerify(ctx.positionals);
    const reports = await verifyFiles(files, { ...session, content });
    if (ctx.out.json) ctx.out.result(reports);
    else for (const r of reports) ctx.out.line(fileSummary(r));
    if (reportPath) {
      // loaded only when asked for: pdf-lib costs a noticeable part of the start-up
      const { writeVerificationReport } = await import('../../core/report/verification-report.js');
      await writeVerificationReport(reports, reportPath, { overwrite });
      if (!ctx.out.json) ctx.out.warn(t({ it: 'Rapporto: {p}', en: 'Report: {p}' }, { p: reportPath }));
    }
    return allPassed(reports) ? EXIT_OK : EXIT_FAILURE;
  },
};
