/**
 * What signing a file would write, found without the card: its format, its output path, whether that output
 * already exists (and the first free "NAME (2).ext" name beside it), and whatever makes the file unfit for the
 * format (XAdES on a PDF, PAdES on a non-PDF) — so the app asks before the PIN, never after. The free name is
 * only a proposal: the signer picks it again at write time and the output is still moved into place with a hard
 * link that fails on an existing file (files/atomic-output.ts), so nothing is ever overwritten.
 */
import { lstat, open } from 'node:fs/promises';
import { SigilloError, failure, toErrorInfo, type ErrorInfo } from '../errors';
import { t } from '../i18n/translate';
import { regularInput, refuseOwnInput } from '../files/file-kind';
import {
  MAX_NUMBERED_NAME,
  numberedName,
  outputPathFor,
  signedPdfPath,
  xadesOutputPath,
} from '../files/output-naming';
import { looksLikeSignedData } from '../cms/signed-data-reader';
import { routeFormat, type RequestedFormat, type SignFormat } from './format-routing';

export interface OutputPlanOptions {
  outputDir?: string;
  /** CAdES: wrap an existing p7m (FILE.p7m.p7m) instead of a parallel signature (same name) */
  nest?: boolean;
  /** CAdES detached: FILE.p7s */
  detached?: boolean;
}

export interface OutputPlan {
  file: string;
  format: SignFormat;
  /** where the signed file goes; null when the file cannot be signed (see error) */
  output: string | null;
  exists: boolean;
  /** the first free numbered name when `exists` */
  freeName: string | null;
  error: ErrorInfo | null;
}

/** The output path signFile uses for this input and format (core/sign/format-routing.ts). */
export async function signOutputPath(
  input: string,
  format: SignFormat,
  o: OutputPlanOptions,
): Promise<string> {
  if (format === 'pades') return signedPdfPath(input, o.outputDir);
  if (format === 'xades') return xadesOutputPath(input, o.outputDir);
  if (o.detached) return outputPathFor(input, { outDir: o.outputDir, suffix: '.p7s' });
  const parallel = !o.nest && (await looksLikeSignedData(input));
  return outputPathFor(input, { outDir: o.outputDir, suffix: parallel ? '' : '.p7m' });
}

const exists = async (p: string) => (await lstat(p).catch(() => undefined)) !== undefined;

/** The first `NAME (n).ext` beside `path` that does not exist (n from 2); OUTPUT_EXISTS when none is free. */
export async function freeOutputName(path: string): Promise<string> {
  for (let n = 2; n <= MAX_NUMBERED_NAME; n++) {
    const candidate = numberedName(path, n);
    if (!(await exists(candidate))) return candidate;
  }
  throw failure('OUTPUT_EXISTS:no_free_name', { path });
}

/**
 * `rename`: where signFile writes when the usual output exists — the first free numbered name, picked now (at
 * write time); undefined when the usual name is free.
 */
export async function renamedOutputPath(
  input: string,
  format: SignFormat,
  o: OutputPlanOptions,
): Promise<string | undefined> {
  const usual = await signOutputPath(input, format, o);
  return (await exists(usual)) ? freeOutputName(usual) : undefined;
}

async function head(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function unfit(code: string, it: string, en: string, file: string): SigilloError {
  return new SigilloError(code, t({ it, en }, { file }), { file });
}

/** Refuses a file the chosen format cannot sign, in words (not a parser message). */
export async function checkFormatFits(input: string, format: SignFormat): Promise<void> {
  if (format === 'cades') return;
  const start = await head(input, 1024);
  if (format === 'pades' && !start.includes('%PDF-')) {
    throw unfit(
      'FORMAT_NOT_PDF',
      '{file} non è un PDF: la firma PAdES è solo per i PDF. Scegli la firma CAdES (.p7m).',
      '{file} is not a PDF: a PAdES signature is for PDFs only. Choose a CAdES signature (.p7m).',
      input,
    );
  }
  const text = start
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (format === 'xades' && (start.includes('%PDF-') || !text.startsWith('<'))) {
    throw unfit(
      'FORMAT_NOT_XML',
      '{file} non è un documento XML: la firma XAdES è per le fatture elettroniche (FatturaPA) e gli altri file XML. Per questo file scegli la firma automatica, PAdES o CAdES.',
      '{file} is not an XML document: an XAdES signature is for e-invoices (FatturaPA) and other XML files. For this file choose the automatic, PAdES or CAdES signature.',
      input,
    );
  }
}

/** The plan of one file: never throws (the error is in the plan). */
export async function planSignOutput(
  input: string,
  requested: RequestedFormat,
  o: OutputPlanOptions,
): Promise<OutputPlan> {
  const format = o.detached ? 'cades' : routeFormat(input, requested);
  try {
    await regularInput(input);
    await checkFormatFits(input, format);
    const output = await signOutputPath(input, format, o);
    await refuseOwnInput(input, output);
    const there = await exists(output);
    return {
      file: input,
      format,
      output,
      exists: there,
      freeName: there ? await freeOutputName(output) : null,
      error: null,
    };
  } catch (e) {
    return { file: input, format, output: null, exists: false, freeName: null, error: toErrorInfo(e) };
  }
}
