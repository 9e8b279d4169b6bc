/**
 * A CNS holds an authentication certificate (digitalSignature, clientAuth) beside the qualified signature one
 * (nonRepudiation). A red-team pass signed a p7m with the authentication certificate: it came out with a plain
 * "✔", `qualified: false` only in the JSON. The verdict stays what DSS gives (a valid signature, its default
 * policy only warns), but the report now says why it is no qualified signature; a signature made with the
 * signature certificate carries no such message.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { NOT_FOR_SIGNING } from '../../electron/core/verify/signer-checks';
import { opensslCmsSign } from './support/openssl-cms';
import { runCli } from '../support/cli';
import { CA_EXT, startChainPki } from './support/chain-pki';

const fx = inject('fixture');

describe('a p7m signed with the CNS authentication certificate', () => {
  let dir: string;
  let trust: TrustStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'auth-signer-'));
    writeFileSync(join(dir, 'doc.txt'), 'Documento firmato.\n');
    trust = new TrustStore(await readTrustFile(fx.pki.chainPem));
  });

  const signedBy = async (who: 'authentication' | 'signature') => {
    const out = join(dir, `${who}.p7m`);
    opensslCmsSign({ input: join(dir, 'doc.txt'), out, signer: fx.pki[who], certfile: fx.pki.caPem });
    return (await verifyFile(out, { trust })).signatures[0]!;
  };

  it('says it is an authentication certificate and no qualified signature', async () => {
    const s = await signedBy('authentication');
    expect(s.integrity).toBe('valid');
    expect(s.qualified).toBe(false);
    expect(s.messages).toContain(NOT_FOR_SIGNING.en);
  });

  it('the CLI text says it under the verdict; not for the signature certificate', async () => {
    await signedBy('authentication');
    const auth = await runCli(['verify', '--trust', fx.pki.chainPem, join(dir, 'authentication.p7m')]);
    expect(auth.stdout).toContain(`⚠ ${NOT_FOR_SIGNING.en}`);
    await signedBy('signature');
    const sig = await runCli(['verify', '--trust', fx.pki.chainPem, join(dir, 'signature.p7m')]);
    expect(sig.stdout).not.toContain(NOT_FOR_SIGNING.en);
    expect(sig.stdout).toContain('qualified');
  });

  it('the signature certificate: no such message', async () => {
    const s = await signedBy('signature');
    expect(s.integrity).toBe('valid');
    expect(s.messages).not.toContain(NOT_FOR_SIGNING.en);
  });

  it('a certificate meant to sign without nonRepudiation (a TSA: timeStamping) gets no such line', async () => {
    const pki = await startChainPki(mkdtempSync(join(fx.root, 'auth-signer-tsa-')));
    try {
      const ca = pki.issue('tsa-ca', pki.root, CA_EXT);
      const tsa = pki.issue('tsa', ca, [
        'basicConstraints = critical,CA:false',
        'keyUsage = critical,digitalSignature',
        'extendedKeyUsage = critical,timeStamping',
      ]);
      const out = join(dir, 'tsa-signed.p7m');
      writeFileSync(join(dir, 'tsa-chain.pem'), readFileSync(ca.certPem));
      opensslCmsSign({ input: join(dir, 'doc.txt'), out, signer: tsa, certfile: join(dir, 'tsa-chain.pem') });
      const s = (await verifyFile(out, { trust: new TrustStore(await readTrustFile(pki.root.certPem)) }))
        .signatures[0]!;
      expect(s.certificate?.role).toBe('authentication');
      expect(s.messages).not.toContain(NOT_FOR_SIGNING.en);
      const r = await runCli(['verify', '--trust', pki.root.certPem, out]);
      expect(r.stdout).toContain('integrity: valid');
      expect(r.stdout).not.toContain(NOT_FOR_SIGNING.en);
    } finally {
      await pki.close();
    }
  });
});
