import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { signCades } from '../../electron/core/sign/cades';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { asn1Parse, cmsPrint, opensslVerify, softwareSigner } from '../cms/helpers';
import { opensslSign } from '../cms/reader-helpers';
import { derHex, fileSha256, opensslX509, pemCertsHex } from './helpers';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('signCades', () => {
  const fx = inject('fixture');
  const base = mkdtempSync(join(fx.root, 'cades-'));
  let n = 0;
  function fresh(size = 50_000, name = 'doc.pdf'): { dir: string; input: string } {
    const dir = join(base, `t${n++}`);
    mkdirSync(dir);
    const input = join(dir, name);
    writeFileSync(input, randomBytes(size));
    return { dir, input };
  }
  const rsa = () => softwareSigner(fx.pki);
  const ec = () => softwareSigner(fx.pki, fx.pki.ecSignature);

  it('signs a plain file into FILE.p7m: DER, openssl-valid, signed by the signature cert, input untouched', async () => {
    const { dir, input } = fresh();
    const before = fileSha256(input);
    const progress: number[] = [];
    const res = await signCades({
      input,
      overwrite: false,
      digest: 'sha256',
      signer: rsa(),
      nest: false,
      onProgress: (d) => progress.push(d),
    });
    expect(res.mode).toBe('attached');
    expect(res.output).toBe(input + '.p7m');
    const content = join(dir, 'content.out');
    const signers = join(dir, 'signers.pem');
    const v = opensslVerify(res.output, fx.pki.chainPem, { out: content, signers });
    expect(v.stderr).toContain('Verification successful');
    expect(fileSha256(content)).toBe(before);
    expect(fileSha256(input)).toBe(before);
    expect(pemCertsHex(signers)).toEqual([derHex(fx.pki.signature.certDer)]);
    const printed = cmsPrint(res.output);
    expect(printed).toMatch(/signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    expect(printed).toContain('signingTime');
    // ESSCertIDv2: no hashAlgorithm (SHA-256 default), certHash = SHA-256 of the cert, IssuerSerial with its serial
    const ess = printed.slice(printed.indexOf('signingCertificateV2'));
    expect(ess).toMatch(/d=2 .*SEQUENCE\s+\n\s+\d+:d=3 .*OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]{64})/);
    const certHash = /d=3 .*OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]{64})/.exec(ess)?.[1];
    expect(certHash).toBe(opensslX509(fx.pki.signature.certPem, '-fingerprint').replace(/:/g, ''));
    expect(ess).toMatch(
      new RegExp(`d=4 .*INTEGER\\s+:${opensslX509(fx.pki.signature.certPem, '-serial')}\\b`),
    );
    expect(asn1Parse(res.output)).not.toMatch(/l=inf/);
    expect(progress.at(-1)).toBe(50_000);
    expect(readdirSync(dir).sort()).toEqual(['content.out', 'doc.pdf', 'doc.pdf.p7m', 'signers.pem']);
    const s = await readSignedData(res.output);
    expect(s.certificates.map(hex).sort()).toEqual(
      [derHex(fx.pki.signature.certDer), derHex(fx.pki.ca.certDer)].sort(),
    );
  });

  it.each([
    ['ECDSA P-256 / SHA-256', 'ec', 'sha256'],
    ['RSA / SHA-512', 'rsa', 'sha512'],
    ['ECDSA / SHA-384', 'ec', 'sha384'],
  ] as const)('signs with %s', async (_name, key, digest) => {
    const { input } = fresh(10_000);
    const res = await signCades({
      input,
      overwrite: false,
      digest,
      signer: key === 'ec' ? ec() : rsa(),
      nest: false,
    });
    expect(opensslVerify(res.output, fx.pki.chainPem).ok).toBe(true);
  });

  it('signs an empty file', async () => {
    const { input } = fresh(0);
    const res = await signCades({ input, overwrite: false, digest: 'sha256', signer: rsa(), nest: false });
    expect(opensslVerify(res.output, fx.pki.chainPem).ok).toBe(true);
  });

  it('adds a parallel signature that keeps the first one byte-exact and valid', async () => {
    const { dir, input } = fresh();
    const first = await signCades({ input, overwrite: false, digest: 'sha256', signer: rsa(), nest: false });
    const before = fileSha256(first.output);
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    const second = await signCades({
      input: first.output,
      outputDir: outDir,
      overwrite: false,
      digest: 'sha384',
      signer: ec(),
      nest: false,
    });
    expect(second.mode).toBe('parallel');
    expect(second.output).toBe(join(outDir, 'doc.pdf.p7m'));
    expect(fileSha256(first.output)).toBe(before);
    const signers = join(dir, 'both.pem');
    const content = join(dir, 'content.out');
    expect(opensslVerify(second.output, fx.pki.chainPem, { signers, out: content }).ok).toBe(true);
    expect(fileSha256(content)).toBe(fileSha256(input));
    expect(pemCertsHex(signers).sort()).toEqual(
      [derHex(fx.pki.signature.certDer), derHex(fx.pki.ecSignature.certDer)].sort(),
    );
    const a = await readSignedData(first.output);
    const b = await readSignedData(second.output);
    expect(b.signerInfos).toHaveLength(2);
    expect(b.signerInfos.map(hex)).toContain(hex(a.signerInfos[0]!));
    expect(b.digestAlgorithmOids.sort()).toEqual(['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2']);
    expect(b.certificates).toHaveLength(3);
  });

  it.each([
    ['BER -stream', ['-nodetach', '-stream', '-outform', 'DER']],
    ['base64 PEM', ['-nodetach', '-outform', 'PEM']],
  ])('adds a parallel signature to an openssl-made %s p7m', async (_name, args) => {
    const { dir, input } = fresh(200_000);
    const p7m = opensslSign(fx.pki, input, join(dir, 'ext.p7m'), args, [fx.pki.expiringSignature]);
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    const res = await signCades({
      input: p7m,
      outputDir: outDir,
      overwrite: false,
      digest: 'sha256',
      signer: rsa(),
      nest: false,
    });
    const content = join(dir, 'content.out');
    const v = opensslVerify(res.output, fx.pki.chainPem, { out: content });
    expect(v.stderr).toContain('Verification successful');
    expect(fileSha256(content)).toBe(fileSha256(input));
    expect((await readSignedData(res.output)).signerInfos).toHaveLength(2);
  });

  it('never replaces the p7m it co-signs, not even with --overwrite or through a symlinked --out; --out elsewhere works', async () => {
    const { dir, input } = fresh();
    const first = await signCades({ input, overwrite: false, digest: 'sha256', signer: rsa(), nest: false });
    const before = fileSha256(first.output);
    const cosign = (outputDir: string | undefined, overwrite: boolean) =>
      signCades({ input: first.output, outputDir, overwrite, digest: 'sha256', signer: ec(), nest: false });
    await expect(cosign(undefined, false)).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    await expect(cosign(undefined, true)).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    const alias = join(dir, '..', `${basename(dir)}-alias`);
    symlinkSync(dir, alias);
    await expect(cosign(alias, true)).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    await expect(cosign(`${dir}/./`, true)).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    expect(fileSha256(first.output)).toBe(before);
    const elsewhere = mkdtempSync(join(dir, 'out-'));
    const res = await cosign(elsewhere, false);
    expect(res.output).toBe(join(elsewhere, basename(first.output)));
    expect(opensslVerify(res.output, fx.pki.chainPem).ok).toBe(true);
    expect((await readSignedData(res.output)).signerInfos).toHaveLength(2);
    expect(fileSha256(first.output)).toBe(before);
  });

  it('nests: FILE.p7m.p7m whose content is the first p7m, both verifiable', async () => {
    const { dir, input } = fresh();
    const first = await signCades({ input, overwrite: false, digest: 'sha256', signer: rsa(), nest: false });
    const outer = await signCades({
      input: first.output,
      overwrite: false,
      digest: 'sha256',
      signer: ec(),
      nest: true,
    });
    expect(outer.mode).toBe('nested');
    expect(outer.output).toBe(input + '.p7m.p7m');
    const inner = join(dir, 'inner.p7m');
    expect(opensslVerify(outer.output, fx.pki.chainPem, { out: inner }).ok).toBe(true);
    expect(fileSha256(inner)).toBe(fileSha256(first.output));
    const content = join(dir, 'content.out');
    expect(opensslVerify(inner, fx.pki.chainPem, { out: content }).ok).toBe(true);
    expect(fileSha256(content)).toBe(fileSha256(input));
  });

  it('refuses a detached signature without --nest', async () => {
    const { dir, input } = fresh();
    const p7s = opensslSign(fx.pki, input, join(dir, 'det.p7s'), ['-outform', 'DER']);
    await expect(
      signCades({
        input: p7s,
        outputDir: mkdtempSync(join(dir, 'out-')),
        overwrite: true,
        digest: 'sha256',
        signer: rsa(),
        nest: false,
      }),
    ).rejects.toMatchObject({ code: 'DETACHED_SIGNATURE' });
    expect(readdirSync(dir).filter((f) => f.includes('sigillo'))).toEqual([]);
  });

  it('never overwrites an existing output silently; --overwrite replaces it', async () => {
    const { input } = fresh();
    writeFileSync(input + '.p7m', 'precious');
    await expect(
      signCades({ input, overwrite: false, digest: 'sha256', signer: rsa(), nest: false }),
    ).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(readFileSync(input + '.p7m', 'utf8')).toBe('precious');
    await signCades({ input, overwrite: true, digest: 'sha256', signer: rsa(), nest: false });
    expect(opensslVerify(input + '.p7m', fx.pki.chainPem).ok).toBe(true);
  });

  it('reports a missing input and a folder given as input', async () => {
    const { dir } = fresh();
    await expect(
      signCades({ input: join(dir, 'nope'), overwrite: false, digest: 'sha256', signer: rsa(), nest: false }),
    ).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(
      signCades({ input: dir, overwrite: false, digest: 'sha256', signer: rsa(), nest: false }),
    ).rejects.toMatchObject({ code: 'INPUT_IS_DIRECTORY' });
    expect(existsSync(dir + '.p7m')).toBe(false);
  });
});
