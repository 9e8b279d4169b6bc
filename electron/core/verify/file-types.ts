/** The file-level verification API shared by every format verifier (p7m here; PDF in issue 5; tsd/m7m later). */
import type { RevocationChecker } from '../revocation/revocation-checker';
import type { TrustStore } from '../trust/trust-store';
import type { FileReport } from './types';

export interface VerifyFileOptions {
  trust: TrustStore;
  /** absent: revocation not checked */
  revocation?: RevocationChecker;
  /** detached signature: the signed content file (default: the signature's name without .p7s, when present) */
  content?: string;
  now?: Date;
  /** proof of existence of the signatures from outside them (e.g. the timestamp of a .m7m/.tsd; issue 10) */
  poe?: Date;
}

export interface FileVerifier {
  /** e.g. 'cms' (covers cades/cms), 'pades' */
  readonly name: string;
  /** decides from the first bytes (up to 1 KiB) and the path whether this verifier handles the file */
  matches(head: Uint8Array, path: string): boolean;
  /**
   * verifies the file; throws SigilloError for a file it cannot read (becomes FileReport.error). `bytes`: the
   * whole file when verifyFile already read it (small files: one read, no second open); may be ignored.
   */
  verify(
    path: string,
    opts: VerifyFileOptions,
    bytes?: Uint8Array,
  ): Promise<Omit<FileReport, 'file' | 'error'>>;
}
