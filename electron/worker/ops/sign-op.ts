/**
 * sign: one login with the PIN from the request (zeroed right after), then each file as CAdES (.p7m, B's
 * signCades) or PAdES (G's signPades); per-file results; cancel stops before the next file.
 */
import { open } from 'node:fs/promises';
import type { DigestName, KeySigner } from '../../core/crypto/key-signer';
import { toErrorInfo } from '../../core/errors';
import { signPades } from '../../core/pdf/pades-sign';
import { signCades } from '../../core/sign/cades';
import type { SignFileResult, SignResponse, VisibleBox } from '../../../shared/schemas/sign';
import type { OpContext, OpHandler } from '../op-types';
import { secretBuffer, withService, type CardParams } from './card-session';

interface SignParams extends CardParams {
  files: string[];
  format: 'auto' | 'cades' | 'pades';
  token: string;
  certId?: string;
  digest: DigestName;
  visible?: VisibleBox;
  outputDir?: string;
  overwrite: boolean;
  nest?: boolean;
  pin: string;
}

type Progress = (done: number, total: number) => void;

async function isPdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).includes('%PDF-');
  } finally {
    await handle.close();
  }
}

async function signOne(
  p: SignParams,
  file: string,
  signer: KeySigner,
  onProgress: Progress,
): Promise<SignFileResult> {
  let format: 'cades' | 'pades' | null = null;
  try {
    format = p.format === 'auto' ? ((await isPdf(file)) ? 'pades' : 'cades') : p.format;
    if (format === 'pades') {
      const { visible } = p;
      const r = await signPades({
        input: file,
        outputDir: p.outputDir,
        overwrite: p.overwrite,
        digest: p.digest,
        signer,
        visible: visible && {
          page: visible.page,
          x: visible.x,
          y: visible.y,
          width: visible.w,
          height: visible.h,
        },
        onProgress,
      });
      return { file, format, output: r.output, error: null };
    }
    const r = await signCades({
      input: file,
      outputDir: p.outputDir,
      overwrite: p.overwrite,
      digest: p.digest,
      signer,
      nest: p.nest === true,
      onProgress,
    });
    return { file, format, output: r.output, error: null };
  } catch (e) {
    return { file, format, output: null, error: toErrorInfo(e) };
  }
}

export const sign: OpHandler = async (raw, ctx: OpContext) => {
  const p = raw as SignParams;
  return withService(p, async (service): Promise<SignResponse> => {
    const pin = secretBuffer(p.pin);
    let session;
    try {
      session = service.login(p.token, pin);
    } finally {
      pin.fill(0);
    }
    try {
      const signer = session.signer(p.certId);
      const results: SignFileResult[] = [];
      for (const [i, file] of p.files.entries()) {
        if (ctx.signal.aborted) break;
        const report = (done: number, total: number, phase: 'working' | 'done' = 'working') =>
          ctx.progress({
            file,
            fileIndex: i,
            fileCount: p.files.length,
            bytesDone: done,
            bytesTotal: total,
            phase,
          });
        report(0, 0);
        const result = await signOne(p, file, signer, report);
        results.push(result);
        report(1, 1, 'done');
      }
      return { results, cancelled: ctx.signal.aborted };
    } finally {
      session.logout();
    }
  });
};
