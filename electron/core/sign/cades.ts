/**
 * CAdES (.p7m) signing of one file: a plain file becomes FILE.p7m (attached CAdES-BES, DER, streamed); a file
 * that already is a p7m (detected by content) gets a parallel signature, written as FILE.p7m (same name: in
 * --out DIR: never in place, the input is only read); with `nest` a p7m is wrapped in a new one (FILE.p7m.p7m).
 * The input is only read; the output appears atomically or not at all.
 */
import { looksLikeSignedData } from '../cms/signed-data-reader';
import { inputSize } from '../files/input-file';
import { checkOutput, openAtomicOutput, withAtomicOutput, writeAtomic } from '../files/atomic-output';
import { outputPathFor } from '../files/output-naming';
import { refuseOwnInput } from '../files/file-kind';
import type { CadesMode, SignCadesOptions, SignCadesResult } from './cades-types';
import { writeAttachedCades } from './cades-attached';
import { readForParallel, writeParallelCades } from './cades-parallel';

export type { SignCadesOptions, SignCadesResult, CadesMode } from './cades-types';

export async function signCades(opts: SignCadesOptions): Promise<SignCadesResult> {
  const size = await inputSize(opts.input);
  const signingTime = opts.signingTime ?? new Date();
  const isP7m = size > 0 && (await looksLikeSignedData(opts.input));
  const mode: CadesMode = !isP7m ? 'attached' : opts.nest ? 'nested' : 'parallel';
  const output =
    opts.output ??
    outputPathFor(opts.input, {
      outDir: opts.outputDir,
      suffix: mode === 'parallel' ? '' : '.p7m',
    });
  const outOpts = { overwrite: opts.overwrite };
  await refuseOwnInput(opts.input, output);
  await checkOutput(output, outOpts);
  if (mode === 'parallel') {
    const summary = await readForParallel(opts, size);
    const written = await withAtomicOutput(output, outOpts, (fh) =>
      writeParallelCades(fh, summary, opts, signingTime),
    );
    return { input: opts.input, output, mode, size: written };
  }
  const early =
    mode === 'attached' ? await opts.prefetched?.take('cades', opts.input, opts.digest, output) : undefined;
  const out = early?.out ?? (await openAtomicOutput(output, outOpts));
  const written = await writeAtomic(out, (o) => writeAttachedCades(o.handle, size, opts, signingTime, early));
  return { input: opts.input, output, mode, size: written };
}
