/** The PDF side of `sigillo extract`: `--signature N` writes the revision signed by signature N. */
import { extractAsic, isZipFile } from '../../core/asic/asic-extract';
import { t } from '../../core/i18n/translate';
import { extractPdfRevision, isPdfFile } from '../../core/pdf/extract-revision';
import {
  extractFailed,
  extractFile,
  type ExtractOptions,
  type ExtractResult,
} from '../../core/verify/extract';
import { isSignedDataFile } from '../../core/verify/nested-capture';
import { extractTimestamped } from '../../core/timestamp/extract-timestamped';
import type { CommandContext, OptionsConfig } from '../command';
import { regularInput } from '../../core/files/file-kind';

export const pdfExtractOptions: OptionsConfig = { signature: { type: 'string' } };

export const PDF_EXTRACT_HELP = {
  it: `PDF firmato: scrive la revisione coperta dalla firma N (1 = la prima; predefinito l'ultima) come NOME-revisioneR.pdf.
  --signature N    quale firma`,
  en: `Signed PDF: writes the revision covered by signature N (1 = the first; default the last) as NAME-revisionR.pdf.
  --signature N    which signature`,
};

/** the --signature value; null when it is not a positive integer */
export function signatureOption(ctx: CommandContext): number | undefined | null {
  const v = ctx.values.signature;
  if (v === undefined) return undefined;
  return typeof v === 'string' && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : null;
}

export const BAD_SIGNATURE_OPTION = {
  it: '--signature vuole un numero da 1 in su.',
  en: '--signature wants a number from 1 up.',
};

/** a PDF → its signed revision (a p7m of a PDF is a p7m); anything else → the p7m extraction */
export async function extractAny(
  file: string,
  opts: ExtractOptions,
  signature?: number,
): Promise<ExtractResult> {
  try {
    await regularInput(file); // the sniffing below opens the file: a FIFO would block
  } catch (e) {
    return extractFailed(file, e, null);
  }
  if (!(await isSignedDataFile(file)) && isPdfFile(file))
    return extractPdfRevision(file, { ...opts, signature });
  if (await isZipFile(file)) return extractAsic(file, opts);
  return (await extractTimestamped(file, opts)) ?? extractFile(file, opts);
}

export const pdfExtractUsage = (): string => t(BAD_SIGNATURE_OPTION);
