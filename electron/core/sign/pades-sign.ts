/**
 * PAdES baseline B-B signing as a true incremental update: the original file is an exact prefix of the output;
 * SubFilter ETSI.CAdES.detached, CMS with signingCertificateV2 and no signingTime (the time is in /M).
 */
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { failure } from '../errors';
import { finish } from '../cms/finish-signer-info';
import { encodeSignedData } from '../cms/signed-data';
import { digestAlgorithmId } from '../cms/algorithms';
import { PdfReader } from '../pdf/pdf-reader';
import { pdfBroken } from '../pdf/pdf-errors';
import { buildIncrement } from '../pdf/incremental-writer';
import {
  buildSignatureObjects,
  BYTE_RANGE_PLACEHOLDER,
  type AppearanceBuilder,
} from '../pdf/signature-objects';
import { copyAndHash } from '../pdf/byte-range-hash';
import { openAtomicOutput, writeAtomic } from '../files/atomic-output';
import { signedPdfPath } from '../files/output-naming';

export { signedPdfPath } from '../files/output-naming';
import type { Prefetch } from './prefetch';
import { writeFully } from '../files/write-fully';
import { throwIfCancelled } from '../files/cancelled';

export interface PadesSignOptions {
  input: string;
  outputDir?: string;
  /** exact output path (overrides the NAME-signed.pdf naming) */
  output?: string;
  overwrite: boolean;
  digest: DigestName;
  signer: KeySigner;
  reason?: string;
  location?: string;
  contact?: string;
  field?: string;
  visible?: { page: number; x: number; y: number; width: number; height: number };
  /** builds the visible appearance; given the signing time */
  appearance?: (signingTime: Date) => AppearanceBuilder;
  signerName?: string;
  signingTime?: Date;
  onProgress?: (done: number, total: number) => void;
  /** cancels while the file is read (CANCELLED; nothing is left behind) */
  signal?: AbortSignal;
  /** last step on the SignerInfo, e.g. a signature timestamp (PAdES-B-T, core/sign/cades-t.ts) */
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
  /** PAdES document timestamp (ETSI.RFC3161, issue 10): this token over the byte ranges replaces the CMS */
  documentTimestamp?: (messageDigest: Uint8Array) => Promise<Uint8Array>;
  /** the hash of the input started before the token was opened (sign/prefetch.ts), used when it matches */
  prefetched?: Prefetch;
}

export interface PadesSignResult {
  output: string;
  fieldName: string;
  byteRange: [number, number, number, number];
  size: number;
}

/** bytes to reserve in /Contents: the certificates, the signature, room for a later signature timestamp */
export function contentsSizeFor(signer: KeySigner): number {
  const certs = signer.certificate.length + signer.chain.reduce((n, c) => n + c.length, 0);
  const estimate = certs + 2048 + 8192;
  return Math.max(16384, Math.ceil(estimate / 1024) * 1024);
}

function locate(bytes: Buffer, needle: string, from: number): number {
  const i = bytes.indexOf(needle, from, 'latin1');
  if (i < 0) throw new Error(`placeholder ${needle.slice(0, 12)} not found`);
  return i;
}

export async function signPades(o: PadesSignOptions): Promise<PadesSignResult> {
  const signingTime = o.signingTime ?? new Date(Math.floor(Date.now() / 1000) * 1000);
  const reader = PdfReader.open(o.input);
  let plan;
  let inc;
  try {
    reader.assertNotEncrypted();
    // an increment must point back to real cross-reference data: a rebuilt one cannot be appended to
    if (reader.reconstructed) throw pdfBroken('damaged cross-reference table');
    const contentsSize = contentsSizeFor(o.signer);
    plan = buildSignatureObjects({
      reader,
      signingTime,
      contentsSize,
      subFilter: o.documentTimestamp ? 'ETSI.RFC3161' : 'ETSI.CAdES.detached',
      docTimeStamp: o.documentTimestamp !== undefined,
      reason: o.reason,
      location: o.location,
      contact: o.contact,
      signerName: o.signerName,
      field: o.field,
      visible: o.visible,
      appearance: o.appearance?.(signingTime),
    });
    inc = buildIncrement(reader, plan.objects);
  } finally {
    reader.close();
  }
  const base = reader.size;
  const bytes = inc.bytes;
  const sigAt = inc.offsets.get(plan.sigNum)!;
  const brAt = locate(bytes, `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`, sigAt) + '/ByteRange '.length;
  const cStart = locate(bytes, '/Contents <', sigAt) + '/Contents '.length;
  const cEnd = bytes.indexOf('>', cStart, 'latin1') + 1;
  const total = base + bytes.length;
  const byteRange: [number, number, number, number] = [0, base + cStart, base + cEnd, total - (base + cEnd)];
  const brText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  bytes.write(brText, brAt, 'latin1');

  const output = o.output ?? signedPdfPath(o.input, o.outputDir);
  const early = await o.prefetched?.take('pades', o.input, o.digest, output);
  const atomic = early?.out ?? (await openAtomicOutput(output, { overwrite: o.overwrite }));
  await writeAtomic(atomic, async ({ handle, temp }) => {
    const { length: copied, job } = await copyAndHash(
      o.input,
      temp,
      handle,
      o.digest,
      o.onProgress,
      early,
      o.signal,
    );
    if (copied !== base) {
      await job.cancel();
      throw new Error('input size changed');
    }
    throwIfCancelled(o.signal);
    job.update(bytes.subarray(0, cStart));
    job.update(bytes.subarray(cEnd));
    const messageDigest = new Uint8Array((await job.digests())[0] as Buffer);
    const cms = o.documentTimestamp
      ? await o.documentTimestamp(messageDigest)
      : encodeSignedData({
          digestAlgorithms: [digestAlgorithmId(o.digest)],
          certificates: [o.signer.certificate, ...o.signer.chain],
          signerInfos: [
            await finish(o)({ signer: o.signer, digest: o.digest, messageDigest, signingTime: null }),
          ],
        });
    const hex = Buffer.from(cms).toString('hex');
    if (hex.length > cEnd - cStart - 2) {
      throw failure('SIGNATURE_TOO_LARGE');
    }
    bytes.write(hex, cStart + 1, 'latin1');
    await writeFully(handle, bytes, base);
  });
  return { output, fieldName: plan.fieldName, byteRange, size: total };
}
