/**
 * One file under a signing policy (sign-policy.ts): the route (CAdES attached/parallel/nested/detached, PAdES,
 * XAdES, or a counter-signature), the finishing step of the new SignerInfo for the level (signature timestamp;
 * p7m LT: certificate and revocation values) and, for PDF LT/LTA and p7m LTA, the raise of the new file in place.
 * The level code is loaded only when a level above B asks for it. A failed or cancelled raise removes the
 * just-signed file: no half-done output stays.
 */
import { unlink } from 'node:fs/promises';
import type { KeySigner } from '../crypto/key-signer';
import { cancelledError } from '../files/cancelled';
import { regularInput } from '../files/file-kind';
import type { SignerInfoFinisher } from '../cms/finish-signer-info';
import { signFile, type SignFileOptions, type SignFileResult, type SignFormat } from './format-routing';
import type { Prefetch } from './prefetch';
import { formatFor, levelUnsupported, type SignPolicy } from './sign-policy';

export interface FileRun {
  signer: KeySigner;
  prefetched?: Prefetch;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

async function finisherFor(format: SignFormat, p: SignPolicy): Promise<SignerInfoFinisher | undefined> {
  if (p.level === 'B' || !p.tsa) return undefined;
  if (format === 'cades' && (p.level === 'LT' || p.level === 'LTA')) {
    return (await import('./cades-lt.js')).ltFinisher(p.tsa);
  }
  return (await import('./cades-t.js')).signatureTimestamper(p.tsa, p.digest);
}

/** XAdES: B, or T with a SignatureTimeStamp; LT and LTA are not written for XAdES yet. */
async function xadesLevel(p: SignPolicy): Promise<Pick<SignFileOptions, 'signatureTimestamp'>> {
  if (p.level === 'B') return {};
  if (p.level !== 'T' || !p.tsa) throw levelUnsupported();
  const { xadesTimestamper } = await import('./xades-t.js');
  return { signatureTimestamp: xadesTimestamper(p.tsa, p.digest) };
}

/** PDF LT/LTA: DSS (and document timestamp); p7m LTA: archive timestamp. Removes the output when cancelled. */
async function raise(output: string, format: SignFormat, p: SignPolicy, signal?: AbortSignal): Promise<void> {
  const needed = format === 'pades' ? p.level === 'LT' || p.level === 'LTA' : p.level === 'LTA';
  if (!needed || !p.tsa) return;
  if (signal?.aborted) {
    await unlink(output).catch(() => undefined);
    throw cancelledError();
  }
  if (format === 'pades') {
    const { raisePdfInPlace } = await import('./pades-levels.js');
    await raisePdfInPlace(output, p.level as 'LT' | 'LTA', p.tsa);
  } else {
    const { raiseCadesToLtaInPlace } = await import('./cades-levels.js');
    await raiseCadesToLtaInPlace(output, p.tsa);
  }
}

export async function signOneFile(input: string, p: SignPolicy, run: FileRun): Promise<SignFileResult> {
  const format = formatFor(input, p);
  await regularInput(input); // a FIFO or device would block or never end
  const opts: SignFileOptions = {
    input,
    outputDir: p.outputDir,
    overwrite: p.overwrite,
    rename: p.rename,
    digest: p.digest,
    signer: run.signer,
    nest: p.nest,
    pades: p.pades,
    prefetched: run.prefetched,
    onProgress: run.onProgress,
    signal: run.signal,
  };
  if (p.countersign) {
    if (p.level !== 'B' && p.level !== 'T') throw levelUnsupported();
    const { countersignFile } = await import('./countersign-file.js');
    const finishSignerInfo = await finisherFor('cades', p);
    return countersignFile({ ...opts, finishSignerInfo, signerIndex: p.countersign.signerIndex });
  }
  if (format === 'xades') return signFile(format, { ...opts, ...(await xadesLevel(p)) });
  if (p.detached && p.level === 'LTA') throw levelUnsupported();
  const finishSignerInfo = await finisherFor(format, p);
  let r: SignFileResult;
  if (p.detached) {
    const { signCadesDetached } = await import('./cades-detached.js');
    const d = await signCadesDetached({ ...opts, finishSignerInfo });
    r = { input, output: d.output, format: 'cades' };
  } else {
    r = await signFile(format, { ...opts, finishSignerInfo });
  }
  await raise(r.output, format, p, run.signal);
  return r;
}
