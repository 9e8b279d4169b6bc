/**
 * sign: one login with the PIN from the request (zeroed right after), then each file through the core's one
 * signing route (CAdES .p7m or PAdES, core/sign/format-routing.ts — the same as `sigillo sign`); per-file
 * results; with a TSA configured, a signature timestamp on each (CAdES-T / PAdES-B-T); cancel stops before the
 * next file.
 */
import type { DigestName, KeySigner } from '../../core/crypto/key-signer';
import { toErrorInfo } from '../../core/errors';
import { routeFormat, signFile, type RequestedFormat } from '../../core/sign/format-routing';
import { signatureTimestamper } from '../../core/ltv/cades-t';
import type { SignFileResult, SignResponse, VisibleBox } from '../../../shared/schemas/sign';
import type { OpContext, OpHandler } from '../op-types';
import { secretBuffer, withService, type CardParams } from './card-session';
import { withIssuerChain } from '../../core/sign/issuer-chain';

interface SignParams extends CardParams {
  files: string[];
  /** validated against the shared schema; the core routes what it supports */
  format: RequestedFormat;
  token: string;
  certId?: string;
  digest: DigestName;
  visible?: VisibleBox;
  outputDir?: string;
  overwrite: boolean;
  /** an existing output: write "NAME (2).ext" instead */
  rename?: boolean;
  nest?: boolean;
  pin: string;
  /** from the settings when timestamps are on (password from the OS keychain); null: no timestamp */
  tsa: { url: string; username: string | null; password: string | null } | null;
}

/** CAdES-T / PAdES-B-T: a signature timestamp from the configured TSA on each new signature. */
function timestamper(p: SignParams) {
  if (!p.tsa) return undefined;
  const { url, username, password } = p.tsa;
  return signatureTimestamper(
    { url, ...(username ? { credentials: { user: username, password: password ?? '' } } : {}) },
    p.digest,
  );
}

type Progress = (done: number, total: number) => void;

async function signOne(
  p: SignParams,
  file: string,
  signer: KeySigner,
  onProgress: Progress,
): Promise<SignFileResult> {
  const format = routeFormat(file, p.format);
  try {
    const v = p.visible;
    const r = await signFile(format, {
      input: file,
      outputDir: p.outputDir,
      overwrite: p.overwrite,
      rename: p.rename === true,
      digest: p.digest,
      signer,
      nest: p.nest === true,
      onProgress,
      pades: v ? { visible: { page: v.page, x: v.x, y: v.y, width: v.w, height: v.h } } : undefined,
      finishSignerInfo: timestamper(p),
    });
    return { file, format: r.format, output: r.output, error: null };
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
      const signer = await withIssuerChain(session.signer(p.certId));
      const results: SignFileResult[] = [];
      for (const [i, file] of p.files.entries()) {
        if (ctx.signal.aborted) break;
        let size = 0;
        const report = (done: number, total: number, phase: 'working' | 'done' = 'working') => {
          size = total;
          const progress = {
            file,
            fileIndex: i,
            fileCount: p.files.length,
            bytesDone: done,
            bytesTotal: total,
          };
          ctx.progress({ ...progress, phase });
        };
        report(0, 0);
        results.push(await signOne(p, file, signer, report));
        report(size, size, 'done');
      }
      return { results, cancelled: ctx.signal.aborted };
    } finally {
      session.logout();
    }
  });
};
