/**
 * What the report says besides the verification results: when it was made, Sigillo's version, the trust used
 * (EU trusted lists and their last update, trusted certificate files) and each file's SHA-256.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { readInput } from '../files/input-file';
import { trustStatus } from '../tsl/tsl-status';
import type { FileReport, SignatureReport } from '../verify/types';
import { sigilloVersion } from '../version';
import type { TextFlow } from './pdf-text';

export interface TrustState {
  /** the cached EU trusted lists were used */
  trustedLists: boolean;
  lastUpdate: string | null;
  lists: number;
  stale: boolean;
  /** trusted certificate files (--trust, settings) */
  files: string[];
}

/** Adds rows to a signature's section (e.g. the visual comparison of a PDF signature). */
export type SignatureSectionHook = (
  flow: TextFlow,
  s: SignatureReport,
  file: FileReport,
  indent: number,
) => void;

export interface ReportContext {
  now: Date;
  version: string;
  trust: TrustState | null;
  /** file path → SHA-256 hex (files that could not be read are absent) */
  sha256: Map<string, string>;
  sectionHooks: SignatureSectionHook[];
  /** pages added after a file's text (e.g. issue 23's visual pages) */
  afterFile?: (doc: PDFDocument, r: FileReport) => Promise<void>;
}

export async function reportTrustState(o: {
  trustedLists: boolean;
  trustFiles: string[];
  env?: NodeJS.ProcessEnv;
}): Promise<TrustState> {
  const st = o.trustedLists ? await trustStatus(o.env) : null;
  return {
    trustedLists: o.trustedLists,
    lastUpdate: st?.lastUpdate ?? null,
    lists: st?.lists.length ?? 0,
    stale: st?.stale ?? false,
    files: o.trustFiles,
  };
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of readInput(path)) h.update(chunk);
  return h.digest('hex');
}

/** The SHA-256 of every report's file, read now (the inputs are only read). */
export async function fileDigests(reports: FileReport[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of reports) {
    try {
      out.set(r.file, await sha256(r.file));
    } catch {
      // gone or unreadable: the report says so
    }
  }
  return out;
}

export async function reportContext(
  reports: FileReport[],
  o: Partial<ReportContext> = {},
): Promise<ReportContext> {
  return {
    now: o.now ?? new Date(),
    version: o.version ?? sigilloVersion(),
    trust: o.trust ?? null,
    sha256: o.sha256 ?? (await fileDigests(reports)),
    sectionHooks: o.sectionHooks ?? [],
    afterFile: o.afterFile,
  };
}
