/** The PAdES route of `sign` (core/sign/format-routing.ts): user options → signPades. */
import type { DigestName, KeySigner } from '../crypto/key-signer';
import { signPades } from './pades-sign';
import type { Prefetch } from './prefetch';
import { signerIdentity } from '../pdf/signer-identity';
import type { VisibleRect } from '../pdf/visible-options';

/** What `sigillo sign` adds for PDFs (--visible, --field, --image, --reason, --location, --contact). */
export interface PadesFileOptions {
  visible?: VisibleRect;
  field?: string;
  image?: string;
  reason?: string;
  location?: string;
  contact?: string;
}

export interface PadesFileInput {
  input: string;
  outputDir?: string;
  /** exact output path (overrides NAME-signed.pdf) */
  output?: string;
  overwrite: boolean;
  digest: DigestName;
  signer: KeySigner;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  pades?: PadesFileOptions;
  /** e.g. a signature timestamp (PAdES-B-T) */
  finishSignerInfo?: (signerInfo: Uint8Array) => Promise<Uint8Array>;
  /** input work started before the token was opened (sign/prefetch.ts) */
  prefetched?: Prefetch;
}

export async function signPadesFile(o: PadesFileInput): Promise<{ output: string; fieldName: string }> {
  const p = o.pades ?? {};
  const wantsAppearance = p.visible !== undefined || p.field !== undefined;
  const r = await signPades({
    input: o.input,
    outputDir: o.outputDir,
    output: o.output,
    overwrite: o.overwrite,
    digest: o.digest,
    signer: o.signer,
    onProgress: o.onProgress,
    signal: o.signal,
    finishSignerInfo: o.finishSignerInfo,
    prefetched: o.prefetched,
    reason: p.reason,
    location: p.location,
    contact: p.contact,
    field: p.field,
    visible: p.visible,
    signerName: signerIdentity(o.signer.certificate).name,
    // the appearance code (fonts, PNG) loads only for a visible signature
    appearance: wantsAppearance
      ? (await import('../pdf/visible-options.js')).appearanceFor(o.signer.certificate, {
          imagePath: p.image,
          reason: p.reason,
        })
      : undefined,
  });
  return { output: r.output, fieldName: r.fieldName };
}
