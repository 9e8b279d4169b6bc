/**
 * XAdES-T (ETSI EN 319 132-1 §5.3, baseline B-T): the xades:SignatureTimeStamp's token is asked of the TSA over
 * the canonical ds:SignatureValue element (the XAdES writer gives those bytes) and accepted only as
 * `requestTimestamp` accepts any token (status, nonce, imprint, signature, timeStamping usage).
 */
import { createHash } from 'node:crypto';
import type { DigestName } from '../crypto/key-signer';
import type { TsaConfig } from '../tsa/tsa-client';
import { requestTimestamp } from '../verify/requested-timestamp';
import type { SignatureTimestamper } from '../xades/sign-xades';

export function xadesTimestamper(tsa: TsaConfig, digest: DigestName = 'sha256'): SignatureTimestamper {
  return async (canonicalSignatureValue) => {
    const hash = new Uint8Array(createHash(digest).update(canonicalSignatureValue).digest());
    const { token } = await requestTimestamp(tsa, digest, hash);
    return token.der;
  };
}
