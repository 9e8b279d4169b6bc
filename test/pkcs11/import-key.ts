/** Imports an RSA key + certificate into a SoftHSM token with C_CreateObject, for attributes softhsm2-util cannot set. */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as graphene from 'graphene-pk11';
import { decodeCertificate } from '../../electron/core/x509/cert-info';

const b64 = (s: string | undefined) => Buffer.from(s ?? '', 'base64url');

export function importRsaKey(
  session: graphene.Session,
  o: { keyPem: string; certDer: string; id: Buffer; label: string; alwaysAuth: boolean },
): void {
  const jwk = createPrivateKey(readFileSync(o.keyPem)).export({ format: 'jwk' });
  session.create({
    class: graphene.ObjectClass.PRIVATE_KEY,
    keyType: graphene.KeyType.RSA,
    token: true,
    private: true,
    sensitive: true,
    sign: true,
    id: o.id,
    label: o.label,
    alwaysAuth: o.alwaysAuth,
    modulus: b64(jwk.n),
    publicExponent: b64(jwk.e),
    privateExponent: b64(jwk.d),
    prime1: b64(jwk.p),
    prime2: b64(jwk.q),
    exp1: b64(jwk.dp),
    exp2: b64(jwk.dq),
    coefficient: b64(jwk.qi),
  });
  const der = readFileSync(o.certDer);
  const subject = Buffer.from(decodeCertificate(der).subject);
  session.create({
    class: graphene.ObjectClass.CERTIFICATE,
    subject,
    certType: graphene.CertificateType.X_509,
    token: true,
    id: o.id,
    label: o.label,
    value: der,
  });
}
