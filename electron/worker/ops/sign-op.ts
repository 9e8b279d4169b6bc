/**
 * sign: the request becomes the core's signing policy (core/sign/sign-batch.ts, the same as `sigillo sign`):
 * one login with the PIN from the request (zeroed right after), per-file results, levels B/T/LT/LTA with the TSA
 * from the settings, counter-signing, detached .p7s; cancel stops inside the file being signed and before the next.
 */
import type { DigestName } from '../../core/crypto/key-signer';
import type { RequestedFormat } from '../../core/sign/format-routing';
import { signBatch } from '../../core/sign/sign-batch';
import type { SignLevel, SignPolicy } from '../../core/sign/sign-policy';
import type { TsaConfig } from '../../core/tsa/tsa-config';
import type { SignResponse, VisibleBox } from '../../../shared/schemas/sign';
import type { OpContext, OpHandler } from '../op-types';
import { secretBuffer, withService, type CardParams } from './card-session';

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
  nest?: boolean;
  /** B by default; T when only `tsa` is given (the older "timestamp" switch) */
  level?: SignLevel;
  detached?: boolean;
  /** counter-sign signature N (1-based) of each .p7m */
  countersign?: number;
  pin: string;
  /** from the settings when a timestamp is wanted (password from the OS keychain); null: none */
  tsa: { url: string; username: string | null; password: string | null } | null;
}

function tsaConfig(tsa: SignParams['tsa']): TsaConfig | undefined {
  if (!tsa) return undefined;
  const { url, username, password } = tsa;
  return { url, ...(username ? { credentials: { user: username, password: password ?? '' } } : {}) };
}

function policyOf(p: SignParams): SignPolicy {
  const v = p.visible;
  return {
    format: p.format,
    digest: p.digest,
    outputDir: p.outputDir,
    overwrite: p.overwrite,
    nest: p.nest === true,
    pades: v ? { visible: { page: v.page, x: v.x, y: v.y, width: v.w, height: v.h } } : undefined,
    level: p.level ?? (p.tsa ? 'T' : 'B'),
    tsa: tsaConfig(p.tsa),
    countersign: p.countersign ? { signerIndex: p.countersign } : undefined,
    detached: p.detached === true,
  };
}

export const sign: OpHandler = async (raw, ctx: OpContext) => {
  const p = raw as SignParams;
  const policy = policyOf(p);
  return withService(p, async (service): Promise<SignResponse> => {
    const sizes: number[] = [];
    const report = (i: number, done: number, total: number, phase: 'working' | 'done' = 'working') => {
      sizes[i] = total;
      const file = p.files[i] as string;
      ctx.progress({
        file,
        fileIndex: i,
        fileCount: p.files.length,
        bytesDone: done,
        bytesTotal: total,
        phase,
      });
    };
    const results = await signBatch(
      p.files,
      policy,
      async () => {
        const pin = secretBuffer(p.pin);
        let session;
        try {
          session = service.login(p.token, pin);
        } finally {
          pin.fill(0);
        }
        const s = session;
        return { signer: s.signer(p.certId), close: () => s.logout() };
      },
      {
        signal: ctx.signal,
        onFileStart: (i) => report(i, 0, 0),
        onProgress: report,
        onFileDone: (_r, i) => report(i, sizes[i] ?? 0, sizes[i] ?? 0, 'done'),
      },
    );
    return {
      results: results.map((r) => ({
        file: r.input,
        format: r.format,
        output: r.error ? null : r.output,
        error: r.error ?? null,
      })),
      cancelled: ctx.signal.aborted,
    };
  });
};
