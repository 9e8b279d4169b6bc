/** KeySigners over the fixture's PEM keys (core tests; the CLI tests sign on SoftHSM tokens). */
import { SoftwareSigner } from '../../../electron/core/crypto/software-signer';
import { signPades } from '../../../electron/core/pdf/pades-sign';
import type { IssuedCert, TestPki } from '../../support/pki';

export function fileSigner(pki: TestPki, cert: IssuedCert = pki.signature): SoftwareSigner {
  return new SoftwareSigner({ keyPem: cert.keyPem, certPem: cert.certPem, chainPems: [pki.caPem] });
}

/** PAdES-signs `input` into `output` with the fixture's signature key (SHA-256): the usual one-line test signing */
export async function signWithFile(pki: TestPki, input: string, output: string): Promise<string> {
  await signPades({ input, output, overwrite: false, digest: 'sha256', signer: fileSigner(pki) });
  return output;
}
