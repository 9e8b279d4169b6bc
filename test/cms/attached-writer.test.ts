import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAttachedSignedData } from '../../electron/core/cms/attached-writer';
import { buildSignerInfo } from '../../electron/core/cms/signer-info';
import { digestAlgorithmId } from '../../electron/core/cms/algorithms';
import { asn1Parse, cmsPrint, opensslVerify, softwareSigner } from './helpers';

async function writeP7m(content: Uint8Array, out: string, estimate: Uint8Array[] | null, ec = false) {
  const fx = inject('fixture');
  const signer = softwareSigner(fx.pki, ec ? fx.pki.ecSignature : fx.pki.signature);
  const hash = createHash('sha384');
  const fh = await open(out, 'w');
  try {
    return await writeAttachedSignedData({
      out: fh,
      contentLength: content.length,
      parts: {
        digestAlgorithms: [digestAlgorithmId('sha384')],
        certificates: [signer.certificate, ...signer.chain],
      },
      signerInfoEstimate: estimate ?? [new Uint8Array(1500)],
      async copyContent(write, pass) {
        for (let i = 0; i < content.length; i += 1000) {
          const chunk = content.subarray(i, i + 1000);
          if (pass === 1) hash.update(chunk);
          await write(chunk);
        }
      },
      makeSignerInfos: async () => [
        await buildSignerInfo({
          signer,
          digest: 'sha384',
          messageDigest: new Uint8Array(hash.digest()),
          signingTime: new Date(),
        }),
      ],
    });
  } finally {
    await fh.close();
  }
}

describe('streaming attached SignedData writer', () => {
  const fx = inject('fixture');
  const dir = mkdtempSync(join(fx.root, 'writer-'));

  it.each([
    ['RSA', false, 100_000],
    ['ECDSA', true, 5],
    ['RSA empty content', false, 0],
  ])('writes DER that openssl verifies (%s)', async (_n, ec, size) => {
    const content = randomBytes(size);
    const out = join(dir, `w-${size}-${ec}.p7m`);
    const res = await writeP7m(content, out, null, ec);
    expect(res.passes).toBe(1);
    const back = join(dir, `w-${size}-${ec}.out`);
    const v = opensslVerify(out, fx.pki.chainPem, { out: back });
    expect(v.stderr).toContain('Verification successful');
    expect(v.ok).toBe(true);
    expect(createHash('sha256').update(readFileSync(back)).digest('hex')).toBe(
      createHash('sha256').update(content).digest('hex'),
    );
    const printed = cmsPrint(out);
    expect(printed).toMatch(/signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    expect(printed).toContain('messageDigest');
    expect(printed).toContain('signingTime');
    expect(asn1Parse(out)).not.toContain('inf');
  });

  it('copies the content again when the header size differs from the estimate', async () => {
    const content = randomBytes(3000);
    const out = join(dir, 'fallback.p7m');
    const res = await writeP7m(content, out, [new Uint8Array(70_000)]);
    expect(res.passes).toBe(2);
    expect(readFileSync(out).length).toBe(res.size);
    expect(opensslVerify(out, fx.pki.chainPem).ok).toBe(true);
  });

  it('refuses content whose length differs from the announced one', async () => {
    const fh = await open(join(dir, 'changed.p7m'), 'w');
    await expect(
      writeAttachedSignedData({
        out: fh,
        contentLength: 10,
        parts: { digestAlgorithms: [], certificates: [] },
        signerInfoEstimate: [],
        copyContent: async (write) => write(new Uint8Array(5)),
        makeSignerInfos: async () => [],
      }),
    ).rejects.toMatchObject({ code: 'INPUT_CHANGED' });
    await fh.close();
    writeFileSync(join(dir, 'x'), '');
  });
});
