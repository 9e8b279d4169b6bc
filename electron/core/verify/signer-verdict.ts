/** The ETSI verdict of one signature (CAdES SignerInfo or XAdES ds:Signature) from its own findings and D's certificate checks. */
import { keyRefusal, validityOf, type ParsedCert } from '../x509/certificates';
import { decide, type Verdict } from './indication';
import type { CertChecks } from './signer-checks';

/** What the signature-format side found; the certificate side comes from checkSignerCertificate. */
export interface SignatureFindings {
  formatFailure: boolean;
  signer: ParsedCert | undefined;
  hashOk: boolean | undefined;
  sigOk: boolean | undefined;
  essMismatch: boolean;
  signingTime?: Date;
  now: Date;
  /** proof of existence of the signature (a valid signature timestamp, or one from outside) */
  poe?: Date;
  /** a detached signature verified without its content */
  contentMissing?: boolean;
}

export function decideSignature(f: SignatureFindings, checks: CertChecks | undefined): Verdict {
  return decide({
    formatFailure: f.formatFailure,
    signerCertFound: f.signer !== undefined,
    hashOk: f.hashOk,
    sigOk: f.sigOk,
    keyRefused: f.signer !== undefined && keyRefusal(f.signer) !== undefined,
    essMismatch: f.essMismatch,
    chainFound: checks?.chainFound ?? false,
    revokedAt: checks?.revokedAt,
    caRevoked: checks?.caRevoked,
    onHold: checks?.onHold ?? false,
    signingTime: f.signingTime,
    revocationUnknown: checks?.revocationUnknown ?? false,
    caOutOfBounds: checks?.caOutOfBounds ?? false,
    pathFailure: checks?.pathFailure,
    notAfter: f.signer ? new Date(validityOf(f.signer).to) : undefined,
    notBefore: f.signer ? new Date(validityOf(f.signer).from) : undefined,
    now: f.now,
    keyUsageOk: checks?.keyUsageOk ?? false,
    weakCrypto: checks?.weakCrypto ?? false,
    cryptoExpiry: checks?.cryptoExpiry,
    poe: f.poe,
    contentMissing: f.contentMissing,
  });
}
