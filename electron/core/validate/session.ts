/**
 * One verification run (a CLI call, an app request): trust anchors parsed once, one revocation checker whose
 * caches every file shares, and bounded parallelism over the files.
 */
import { createRevocationChecker } from '../revocation/checker';
import { fileTrustSource } from '../trust/trust-file';
import type { TrustSource } from '../trust/trust-source';
import { TrustStore } from '../trust/trust-store';
import { trustedListSource } from '../tsl/tsl-trust-source';
import type { VerifyFileOptions } from '../verify/file-types';
import type { FileReport } from '../verify/types';
import { verifyFile } from './verify-file';

export interface SessionOptions {
  /** --trust files (PEM/DER) */
  trustFiles?: string[];
  /** more sources (EU trusted lists, issue 11) */
  trustSources?: TrustSource[];
  /** use the EU trusted lists cached by `trust update` (issue 11); reads the cache only, never the network */
  trustedLists?: boolean;
  offline?: boolean;
  env?: NodeJS.ProcessEnv;
  /** revocation cache folder; default <user data>/revocation-cache */
  cacheDir?: string | null;
}

export async function openVerification(o: SessionOptions): Promise<VerifyFileOptions> {
  const sources = [
    ...(o.trustFiles?.length ? [fileTrustSource(o.trustFiles)] : []),
    ...(o.trustSources ?? []),
    ...(o.trustedLists ? [trustedListSource(o.env)] : []),
  ];
  return {
    trust: await TrustStore.fromSources(sources),
    revocation: createRevocationChecker({ offline: o.offline ?? false, env: o.env, cacheDir: o.cacheDir }),
  };
}

export const DEFAULT_PARALLELISM = 8;

/** Verifies many files with at most `parallelism` at a time; results in input order. */
export async function verifyFiles(
  paths: string[],
  opts: VerifyFileOptions,
  parallelism = DEFAULT_PARALLELISM,
  onDone?: (done: number, total: number) => void,
): Promise<FileReport[]> {
  const results: FileReport[] = new Array<FileReport>(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await verifyFile(paths[i] as string, opts);
      onDone?.(++done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, paths.length) }, worker));
  return results;
}
