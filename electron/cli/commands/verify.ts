/**
 * `sigillo verify [--json] [--trust FILE]... [--no-tsl] [--offline] [--content FILE] [--report PDF] [--visual-diff DIR] [--overwrite] FILE|DIR...`
 * Exit 0 only when every signature of every file is TOTAL_PASSED; 1 otherwise; 2 for usage errors.
 */
import { t } from '../../core/i18n/translate';
import { EXIT_USAGE, type Command } from '../command';
import { usageText } from '../usage';
import { cancelContentPrefetch, prefetchContentHash } from '../../core/verify/content-prefetch';
import { startVerifyThreads } from './verify-threads';
import { leaveEarlyPdfHash, offerEarlyPdfHash } from './verify-early-hash';

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
    try {
      // a single big PDF: the bin started its hashing thread, for the PDF verifier to take
      offerEarlyPdfHash(ctx);
      // a single big p7m: its content starts being hashed while the verification code loads
      if (ctx.positionals.length === 1 && ctx.values.content === undefined && !ctx.early?.pdfHash) {
        await prefetchContentHash(ctx.positionals[0] as string, ctx.env);
      }
      // a batch's verifier threads start now, and load their code while this thread loads its own
      const early = await startVerifyThreads(ctx);
      // the verification code (~0.2 s of loading) is loaded after those starts, while the content is hashed
      const { verifyRun } = await import('./verify-run.js');
      return await verifyRun(ctx, early);
    } finally {
      leaveEarlyPdfHash(ctx);
      await cancelContentPrefetch();
    }
  },
};
