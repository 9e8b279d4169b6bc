/** KeySigners over the fixture's PEM keys (core tests; the CLI tests sign on SoftHSM tokens). */
import { SoftwareSigner } from '../../../electron/core/crypto/software-signer';
import type { IssuedCert, TestPki } from '../../support/pki';
import { signPades, type PadesSignOptions } from '../../../electron/core/sign/pades-sign';

export function fileSigner(pki: TestPki, cert: IssuedCert = pki.signature): SoftwareSigner {
  return new SoftwareSigner({ keyPem: cert.keyPem, certPem: cert.certPem, chainPems: [pki.caPem] });
}

/** signs `input` into `output` (SHA-256, the fixture's signature key); returns `output` */
export async function signFile(
  pki: TestPki,
  input: string,
  output: string,
  extra: Partial<PadesSignOptions> = {},
): Promise<string> {
  await signPades({ input, output, overwrite: false, digest: 'sha256', signer: fileSigner(pki), ...extra });
  return output;
}
