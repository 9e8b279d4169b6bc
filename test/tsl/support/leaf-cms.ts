/** Test helper: the CmsParts of a CMS signature by a chain-pki leaf (ECDSA P-256), its issuer embedded. */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { digestBytes, type HashName } from '../../../electron/core/cms/algorithm-oids';
import type { CmsParts } from '../../../electron/core/verify/verify-cms';
import type { IssuedCert } from '../../support/pki';
import { algId, manualSignerInfo, nodeSigner, type TestKey } from '../../verify/support/manual-signer';

/** `leaf` signs a short text, claiming `signingTime` when given */
export function leafCms(leaf: IssuedCert, issuer: IssuedCert, signingTime?: Date): CmsParts {
  const content = new TextEncoder().encode('Contratto qualificato\n');
  const key: TestKey = {
    key: createPrivateKey(readFileSync(leaf.keyPem)),
    certDer: new Uint8Array(readFileSync(leaf.certDer)),
  };
  const si = manualSignerInfo(key, {
    content,
    hash: 'sha256',
    digestAlgorithm: algId('2.16.840.1.101.3.4.2.1'),
    signatureAlgorithm: algId('1.2.840.10045.4.3.2'),
    signer: nodeSigner(key, 'sha256'),
    signingTime,
  });
  return {
    eContentType: '1.2.840.113549.1.7.1',
    certificates: [key.certDer, new Uint8Array(readFileSync(issuer.certDer))],
    signerInfos: [si],
    contentDigest: (h: HashName) => digestBytes(h, content),
  };
}
