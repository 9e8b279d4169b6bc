/**
 * `sign --countersign FILE.p7m [--signer N]`: the p7m rewritten with signer N's SignerInfo counter-signed; the
 * content, the other signer infos, certificates and CRLs kept byte-exact, the counter-signer's certificates
 * added. Same naming as a parallel signature (same name: --out DIR or --overwrite). Streams attached content.
 */
import { SigilloError } from '../errors';
import { checkOutput } from '../files/atomic-output';
import { outputPathFor } from '../files/output-naming';
import { refuseOwnInput } from '../files/file-kind';
import { t } from '../i18n/translate';
import { looksLikeSignedData, readSignedData } from '../cms/signed-data-reader';
import type { SignFileOptions, SignFileResult, SignFormat } from './format-routing';
import { counterSign } from './countersignature';
import { rewriteSignedData } from './rewrite-signed-data';

function notP7m(path: string): SigilloError {
  return new SigilloError(
    'COUNTERSIGN_NEEDS_P7M',
    t(
      {
        it: 'La controfirma si applica a un file firmato (.p7m): {path} non lo è.',
        en: 'A counter-signature applies to a signed file (.p7m): {path} is not one.',
      },
      { path },
    ),
  );
}

function noSuchSigner(n: number, count: number): SigilloError {
  return new SigilloError(
    'SIGNER_NOT_FOUND',
    t(
      {
        it: 'Il file ha {count} firme: la firma {n} non esiste (--signer da 1 a {count}).',
        en: 'The file has {count} signatures: signature {n} does not exist (--signer from 1 to {count}).',
      },
      { n, count },
    ),
  );
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
