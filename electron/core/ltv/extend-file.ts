/**
 * `sigillo extend --level T|LT|LTA FILE.p7m`: raises every signature of a p7m to the level asked, without
 * touching what is signed: T adds a signature timestamp where there is none; LT also embeds certificate-values
 * and revocation-values; LTA then adds an archive-time-stamp-v3 (cades-lta.ts) where there is none. Signed attributes, signature values, content and other parts stay byte-exact, so nothing
 * that verified before stops verifying. Output: same name (--out DIR or --overwrite), written atomically.
 */
import { SigilloError, failure } from '../errors';
import { checkOutput } from '../files/atomic-output';
import { inputSize } from '../files/input-file';
import { outputPathFor } from '../files/output-naming';
import { looksLikeSignedData, readSignedData } from '../cms/signed-data-reader';
import type { TrustStore } from '../trust/trust-store';
import type { TsaConfig } from '../tsa/tsa-client';
import { tsaError } from '../tsa/tsa-errors';
import { addSignatureTimestamp } from '../sign/cades-t';
import { OID } from '../cms/oids';
import { addLtValues } from '../sign/cades-lt';
import { rewriteSignedData } from '../sign/rewrite-signed-data';
import { addDss } from '../sign/pades-dss';
import { extendPdfToLta } from '../sign/pades-doc-timestamp';
import { isPdfFile } from '../pdf/extract-revision';
import { unsignedAttributes } from '../cms/unsigned-attributes';
import { addArchiveTimestamp, ltaContentUnavailable } from '../sign/cades-lta';
import { OID_ARCHIVE_TIME_STAMP_V3 } from '../verify/archive-attributes';

export type ExtendLevel = 'T' | 'LT' | 'LTA';
export const EXTEND_LEVELS: readonly ExtendLevel[] = ['T', 'LT', 'LTA'];

export interface ExtendOptions {
  input: string;
  level: ExtendLevel;
  outputDir?: string;
  overwrite: boolean;
  /** needed when a signature has no timestamp yet */
  tsa?: TsaConfig;
  trust?: TrustStore;
  /** raise only the last SignerInfo (the one `sign --level LTA` just added) */
  onlyLastSigner?: boolean;
}

export interface ExtendResult {
  input: string;
  /** null when every signature already was at the level (nothing written) */
  output: string | null;
  level: ExtendLevel;
  signatures: number;
  /** what was added, per signature (1-based): e.g. ["1: T", "1: LT"] */
  added: string[];
}

function notP7m(path: string): SigilloError {
  return failure('EXTEND_UNSUPPORTED', { path });
}

/** PDF: LT adds a Document Security Store (PAdES-B-LT), LTA then a document timestamp (PAdES-B-LTA). */
async function extendPdf(o: ExtendOptions, output: string): Promise<ExtendResult> {
  if (o.level === 'T') throw notP7m(o.input);
  await checkOutput(output, { overwrite: o.overwrite });
  const base = { input: o.input, output, level: o.level };
  if (o.level === 'LT') {
    const r = await addDss(o.input, output, o.overwrite, o.trust);
    return { ...base, signatures: r.signatures, added: ['DSS'] };
  }
  if (!o.tsa) throw tsaError('TSA_URL_MISSING');
  const r = await extendPdfToLta(o.input, output, o.overwrite, o.tsa, o.trust);
  return { ...base, signatures: r.signatures, added: ['DSS', 'document timestamp'] };
}

export async function extendFile(o: ExtendOptions): Promise<ExtendResult> {
  const size = await inputSize(o.input);
  const output = outputPathFor(o.input, { outDir: o.outputDir, suffix: '' });
  if (size > 0 && !(await looksLikeSignedData(o.input)) && isPdfFile(o.input)) return extendPdf(o, output);
  if (!(size > 0 && (await looksLikeSignedData(o.input)))) throw notP7m(o.input);
  await checkOutput(output, { overwrite: o.overwrite });
  const lta = o.level === 'LTA';
  const summary = await readSignedData(o.input, { hashDeclared: false, digests: lta ? ['sha256'] : [] });
  if (lta && summary.detached) throw ltaContentUnavailable();
  const archived = {
    ...summary,
    contentDigest: (h: string) => summary.contentDigests[h],
  };
  const added: string[] = [];
  const signerInfos: Uint8Array[] = [];
  for (const [i, original] of summary.signerInfos.entries()) {
    let si = original;
    if (o.onlyLastSigner && i < summary.signerInfos.length - 1) {
      signerInfos.push(si);
      continue;
    }
    const types = new Set(unsignedAttributes(si).map((a) => a.type));
    if (!types.has(OID.signatureTimeStamp)) {
      if (!o.tsa) throw tsaError('TSA_URL_MISSING');
      si = await addSignatureTimestamp(si, o.tsa);
      added.push(`${i + 1}: T`);
    }
    if (o.level !== 'T' && !(types.has(OID.certValues) && types.has(OID.revocationValues))) {
      si = await addLtValues(si, { certificates: summary.certificates, trust: o.trust });
      added.push(`${i + 1}: LT`);
    }
    if (lta && !types.has(OID_ARCHIVE_TIME_STAMP_V3)) {
      if (!o.tsa) throw tsaError('TSA_URL_MISSING');
      si = await addArchiveTimestamp(si, archived, o.tsa);
      added.push(`${i + 1}: LTA`);
    }
    signerInfos.push(si);
  }
  const base = { input: o.input, level: o.level, signatures: signerInfos.length, added };
  if (added.length === 0) return { ...base, output: null };
  await rewriteSignedData(o.input, output, o.overwrite, summary, { signerInfos });
  return { ...base, output };
}
