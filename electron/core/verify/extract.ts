/**
 * Content extraction: `fattura.xml.p7m` → `fattura.xml`, unwrapping nested levels down to the innermost
 * content, streaming (base64/BER handled by the reader), written atomically, never overwriting silently.
 * The integrity of every level is checked; a broken one stops the extraction unless `force`.
 */
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { failure, toErrorInfo, type ErrorInfo } from '../errors';
import { readSignedData } from '../cms/signed-data-reader';
import { checkOutput, withAtomicOutput } from '../files/atomic-output';
import { writeFully } from '../files/write-fully';
import { regularInput } from '../files/file-kind';
import { TrustStore } from '../trust/trust-store';
import { NestedCapture } from './nested-capture';
import { CMS_LIMITS, tooManyLevels } from '../cms/limits';
import { levelSignatures } from './level-signatures';

export interface ExtractOptions {
  /** --out DIR; default: beside the input */
  outDir?: string;
  overwrite: boolean;
  /** extract even when a level's integrity check fails */
  force: boolean;
}

export interface ExtractResult {
  file: string;
  output: string | null;
  error: ErrorInfo | null;
  /** 'invalid' when some level's signature does not verify (only extracted with force) */
  integrity: 'valid' | 'invalid' | null;
  /** signature envelopes unwrapped */
  levels: number;
  /** ASiC: data files no signature covers, left in the container (--force writes them too) */
  skipped?: string[];
}

/** The result of an extraction that failed: no output, the error, and what was learnt of the integrity. */
export function extractFailed(
  input: string,
  e: unknown,
  integrity: 'invalid' | null,
  levels = 0,
): ExtractResult {
  return { file: input, output: null, error: toErrorInfo(e), integrity, levels };
}

const SIGNATURE_EXT = /\.(p7m|p7s|p7|pkcs7|p7c)$/i;
const NO_INTEGRITY = new TrustStore([]);

/** `a.pdf.p7m.p7m` → `a.pdf`; without a signature extension `.content` is added. */
export function extractedName(input: string): string {
  let name = basename(input);
  while (SIGNATURE_EXT.test(name) && name.replace(SIGNATURE_EXT, '') !== '')
    name = name.replace(SIGNATURE_EXT, '');
  return name === basename(input) ? `${name}.content` : name;
}

function writeTo(handle: FileHandle): (chunk: Uint8Array) => Promise<void> {
  return (chunk) => writeFully(handle, chunk);
}

/** Streams one level; returns the spooled nested level, if any, and whether its signatures are intact. */
async function unwrapLevel(
  path: string,
  sink: (chunk: Uint8Array) => Promise<void>,
  depth: number,
): Promise<{ nested?: NestedCapture; next?: string; intact: boolean }> {
  const capture = new NestedCapture(sink);
  try {
    const summary = await readSignedData(path, { onContent: capture.onContent });
    if (summary.detached) throw failure('DETACHED_SIGNATURE');
    const sigs = await levelSignatures(summary, (digests) => readSignedData(path, { digests }), {
      trust: NO_INTEGRITY,
      depth,
    });
    const intact = sigs.length > 0 && sigs.every((s) => s.integrity === 'valid');
    const next = await capture.finish();
    return { nested: capture, next, intact };
  } catch (e) {
    await capture.cleanup();
    throw e;
  }
}

export async function extractFile(input: string, o: ExtractOptions): Promise<ExtractResult> {
  const output = resolve(join(o.outDir ?? dirname(input), extractedName(input)));
  let levels = 0;
  let allIntact = true;
  try {
    await regularInput(input); // a FIFO or device would block or never end
    await checkOutput(output, { overwrite: o.overwrite });
    await withAtomicOutput(output, { overwrite: o.overwrite }, async (handle) => {
      const captures: NestedCapture[] = [];
      try {
        let current: string | undefined = input;
        while (current) {
          if (levels >= CMS_LIMITS.levels) throw tooManyLevels();
          const level = await unwrapLevel(current, writeTo(handle), levels);
          if (level.nested) captures.push(level.nested);
          if (!level.intact) {
            allIntact = false;
            if (!o.force) throw failure('INTEGRITY_FAILED', { depth: levels });
          }
          levels++;
          current = level.next;
        }
      } finally {
        await Promise.all(captures.map((c) => c.cleanup()));
      }
    });
    return { file: input, output, error: null, integrity: allIntact ? 'valid' : 'invalid', levels };
  } catch (e) {
    return extractFailed(input, e, allIntact ? null : 'invalid', levels);
  }
}
