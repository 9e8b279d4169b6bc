/**
 * Test helper: sign `input` with a chain-pki leaf (embedding `above`), verify it trusting the root (or
 * `trusted`), services on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRevocationChecker } from '../../../electron/core/revocation/checker';
import { readTrustFile } from '../../../electron/core/trust/trust-file';
import { TrustStore } from '../../../electron/core/trust/trust-store';
import type { SignatureReport } from '../../../electron/core/verify/types';
import { verifyCmsSignatures } from '../../../electron/core/verify/verify-cms';
import type { IssuedCert } from '../../support/pki';
import type { ChainPki } from './chain-pki';
import { cmsPartsInMemory } from './cms-in-memory';
import { opensslCmsSign } from './openssl-cms';

export async function signAndVerify(
  pki: ChainPki,
  input: string,
  leaf: IssuedCert,
  above: IssuedCert[],
  trusted: IssuedCert = pki.root,
): Promise<SignatureReport> {
  const certfile = join(pki.dir, `${leaf.name}.chain.pem`);
  writeFileSync(certfile, above.map((c) => readFileSync(c.certPem, 'utf8')).join(''));
  const der = opensslCmsSign({ input, out: join(pki.dir, `${leaf.name}.p7m`), signer: leaf, certfile });
  const trust = new TrustStore(await readTrustFile(trusted.certPem));
  const revocation = createRevocationChecker({ offline: false, cacheDir: null });
  const [s] = await verifyCmsSignatures(cmsPartsInMemory(der), { trust, revocation });
  if (!s) throw new Error('no signature');
  return s;
}
