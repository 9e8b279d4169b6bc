/**
 * `sign --countersign FILE.p7m [--signer N]`: the p7m rewritten with signer N's SignerInfo counter-signed; the
 * content, the other signer infos, certificates and CRLs kept byte-exact, the counter-signer's certificates
 * added. Same naming as a parallel signature (same name: --out DIR or --overwrite). Streams attached content.
 */
import { SigilloError, failure } from '../errors';
import { checkOutput } from '../files/atomic-output';
import { outputPathFor } from '../files/output-naming';
import { refuseOwnInput } from '../files/file-kind';
import { looksLikeSignedData, readSignedData } from '../cms/signed-data-reader';
import type { SignFileOptions, SignFileResult, SignFormat } from './format-routing';
import { counterSign } from './countersignature';
import { rewriteSignedData } from './rewrite-signed-data';

function notP7m(path: string): SigilloError {
  return failure('COUNTERSIGN_NEEDS_P7M', { path });
}

function noSuchSigner(n: number, count: number): SigilloError {
  return failure('SIGNER_NOT_FOUND', { n, count });
}

export async function countersignFile(
  opts: SignFileOptions & { signerIndex?: number },
): Promise<SignFileResult> {
  const { input } = opts;
  if (!(await looksLikeSignedData(input))) throw notP7m(input);
  const output = outputPathFor(input, { outDir: opts.outputDir, suffix: '' });
  const outOpts = { overwrite: opts.overwrite };
  await refuseOwnInput(input, output);
  await checkOutput(output, outOpts);
  const summary = await readSignedData(input, { hashDeclared: false });
  const n = opts.signerIndex ?? 1;
  const target = summary.signerInfos[n - 1];
  if (!target) throw noSuchSigner(n, summary.signerInfos.length);
  const signerInfos = [...summary.signerInfos];
  signerInfos[n - 1] = await counterSign(target, opts);
  await rewriteSignedData(input, output, opts.overwrite, summary, {
    signerInfos,
    extraCertificates: [opts.signer.certificate, ...opts.signer.chain],
  });
  return { input, output, format: 'cades' as SignFormat };
}
