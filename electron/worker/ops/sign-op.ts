/**
 * sign: the request becomes the core's signing policy (core/sign/sign-batch.ts, the same as `sigillo sign`):
 * one login with the PIN from the request (zeroed right after), per-file results, levels B/T/LT/LTA with the TSA
 * from the settings, counter-signing, detached .p7s; cancel stops inside the file being signed and before the next.
 */
import { signBatch } from '../../core/sign/sign-batch';
import type { SignPolicy } from '../../core/sign/sign-policy';
import type { TsaConfig } from '../../core/tsa/tsa-config';
import type { SignResponse } from '../../../shared/schemas/sign';
import type { WorkerParams } from '../methods';
import type { WorkerOp } from '../op-types';
import { secretBuffer, withService } from './card-session';

/** the page's sign request plus the card module and the TSA from the settings (methods.ts) */
type SignParams = WorkerParams<'sign'>;

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
    rename: p.rename === true,
    nest: p.nest === true,
    pades: v ? { visible: { page: v.page, x: v.x, y: v.y, width: v.w, height: v.h } } : undefined,
    level: p.level ?? (p.tsa ? 'T' : 'B'),
    tsa: tsaConfig(p.tsa),
    countersign: p.countersign ? { signerIndex: p.countersign } : undefined,
    detached: p.detached === true,
  };
}

export const sign: WorkerOp<'sign'> = async (p, ctx) => {
  const policy = policyOf(p);
  return withService(p, async (service): Promise<SignResponse> => {
    const sizes: number[] = [];
    const report = (i: number, done: number, total: number, phase: 'working' | 'done' = 'working') => {
      sizes[i] = total;
      const file = p.files[i] ?? '';
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
