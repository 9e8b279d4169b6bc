/**
 * Which certificate made a signature when several of the file's answer to its sid (issuer + serial, or key
 * identifier: neither is signed, so anyone may add a certificate answering to it, first in the certificates set).
 * As DSS (SignatureIntegrityValidator): the certificate the signed signing-certificate attribute names is tried
 * first, then the others, and the first whose key verifies the signature is the signer; when none does, the first
 * tried stays (its failure is the report's). A decoy then neither makes a genuine signature fail nor is shown
 * as its signer.
 */
import type { ParsedCert } from '../x509/certificates';

/** candidates whose key is tried (a real file has one; more are certificates someone added) */
export const MAX_SIGNER_CANDIDATES = 8;

export interface SignatureCheck {
  ok: boolean | undefined;
  messages: string[];
}

export interface SignerChoice extends Partial<SignatureCheck> {
  signer: ParsedCert | undefined;
}

/**
 * `named`: whether the signing-certificate attribute names the certificate; `check`: the signature value checked
 * with its key (undefined `ok`: not checkable).
 */
export function chooseSigner(
  candidates: ParsedCert[],
  named: (c: ParsedCert) => boolean,
  check: (c: ParsedCert) => SignatureCheck,
): SignerChoice {
  if (candidates.length === 0) return { signer: undefined };
  const first = candidates.length > 1 ? candidates.find(named) : undefined;
  const order = first ? [first, ...candidates.filter((c) => c !== first)] : candidates;
  let fallback: SignerChoice | undefined;
  for (const c of order.slice(0, MAX_SIGNER_CANDIDATES)) {
    const r = check(c);
    if (r.ok === true) return { signer: c, ...r };
    fallback ??= { signer: c, ...r };
  }
  return fallback as SignerChoice;
}
