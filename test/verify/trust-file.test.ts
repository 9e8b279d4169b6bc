import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';

const fx = inject('fixture');

describe('--trust files', () => {
  it('reads a PEM bundle and a DER certificate, and matches anchors by certificate', async () => {
    const bundle = await readTrustFile(fx.pki.chainPem);
    expect(bundle.map((a) => new X509Certificate(a.der).subject)).toEqual([
      expect.stringContaining('Root CA'),
      expect.stringContaining('Qualified CA'),
    ]);
    expect(bundle[0]?.source).toBe(`file:${fx.pki.chainPem}`);
    const der = await readTrustFile(fx.pki.ca.certDer);
    expect(der).toHaveLength(1);
    const store = new TrustStore(der);
    expect(store.anchorFor(new X509Certificate(readFileSync(fx.pki.ca.certDer)))).toBeDefined();
    expect(store.anchorFor(new X509Certificate(readFileSync(fx.pki.root.certDer)))).toBeUndefined();
  });

  it('a file with no certificate is TRUST_FILE_UNREADABLE, a missing one too', async () => {
    const dir = mkdtempSync(join(fx.root, 'trust-'));
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'hello');
    await expect(readTrustFile(junk)).rejects.toMatchObject({ code: 'TRUST_FILE_UNREADABLE' });
    await expect(readTrustFile(join(dir, 'missing.pem'))).rejects.toMatchObject({
      code: 'TRUST_FILE_UNREADABLE',
    });
  });
});
