/** KeySigners over the fixture's PEM keys (core tests; the CLI tests sign on SoftHSM tokens). */
import { SoftwareSigner } from '../../../electron/core/crypto/software-signer';
import type { IssuedCert, TestPki } from '../../support/pki';

export function fileSigner(pki: TestPki, cert: IssuedCert = pki.signature): SoftwareSigner {
  return new SoftwareSigner({ keyPem: cert.keyPem, certPem: cert.certPem, chainPems: [pki.caPem] });
}
