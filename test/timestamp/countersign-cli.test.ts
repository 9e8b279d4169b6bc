/**
 * `sigillo sign --countersign FILE.p7m [--signer N]` with the SoftHSM card: the countersignature (RFC 5652 §11.4)
 * checked independently (asn1js + node:crypto: signature over the DER signed attributes, messageDigest of the
 * countersigned signature value, no contentType), openssl cms -verify still passes, and `verify` reports it.
 */
import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as asn1js from 'asn1js';
import { describe, expect, inject, it } from 'vitest';
import { opensslVerify } from '../cms/helpers';
import { runCli } from '../support/cli';
import { PIN } from '../support/fixture';
import { opensslP7m } from './support/ltv-fixture';

const fx = inject('fixture');
const env = { SOFTHSM2_CONF: fx.singleConf, SIGILLO_PIN: PIN };
const base = mkdtempSync(join(fx.root, 'countersign-'));
let n = 0;

function signedP7m(): string {
  const d = join(base, `t${n++}`);
  mkdirSync(d);
  const doc = join(d, 'delibera.txt');
  writeFileSync(doc, 'Delibera da controfirmare.\n');
  return opensslP7m(doc, fx.pki.expiringSignature, fx.pki.caPem);
}

const ab = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;

function firstSignerInfo(p7m: string): asn1js.BaseBlock[] {
  const ci = asn1js.fromBER(ab(readFileSync(p7m))).result as asn1js.Sequence;
  const sd = (ci.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const infos = sd.valueBlock.value[sd.valueBlock.value.length - 1] as asn1js.Set;
  return (infos.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
}

describe('sigillo sign --countersign', () => {
  it('adds a countersignature over the chosen signer’s signature value', async () => {
    const input = signedP7m();
    const outDir = join(dirname(input), 'out');
    mkdirSync(outDir);
    const r = await runCli(
      ['sign', '--json', '--module', fx.module, '--countersign', '--out', outDir, input],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    // (never in place: the input is only read)
    const p7m = join(outDir, basename(input));
    expect(JSON.parse(r.stdout)[0].output).toBe(p7m);
    expect(opensslVerify(p7m, fx.pki.chainPem).ok).toBe(true);

    const si = firstSignerInfo(p7m);
    const parentSig = Buffer.from(
      (si.find((e) => e instanceof asn1js.OctetString) as asn1js.OctetString).valueBlock.valueHexView,
    );
    const unsigned = si[si.length - 1] as asn1js.Constructed;
    const attr = unsigned.valueBlock.value[0] as asn1js.Sequence;
    expect((attr.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString()).toBe(
      '1.2.840.113549.1.9.6',
    );
    const cs = ((attr.valueBlock.value[1] as asn1js.Set).valueBlock.value[0] as asn1js.Sequence).valueBlock
      .value;
    const signed = cs[3] as asn1js.Constructed;
    const attrs = new Map(
      signed.valueBlock.value.map((a) => {
        const [oid, values] = (a as asn1js.Sequence).valueBlock.value;
        return [
          (oid as asn1js.ObjectIdentifier).valueBlock.toString(),
          (values as asn1js.Set).valueBlock.value[0]!,
        ];
      }),
    );
    expect(attrs.has('1.2.840.113549.1.9.3')).toBe(false);
    const md = Buffer.from((attrs.get('1.2.840.113549.1.9.4') as asn1js.OctetString).valueBlock.valueHexView);
    expect(md.equals(createHash('sha256').update(parentSig).digest())).toBe(true);
    const der = Buffer.from(signed.toBER());
    der[0] = 0x31;
    const csSig = Buffer.from((cs[5] as asn1js.OctetString).valueBlock.valueHexView);
    const key = createPublicKey(readFileSync(fx.pki.signature.certPem));
    expect(cryptoVerify('sha256', der, key, csSig)).toBe(true);

    const trust = join(base, 'root.pem');
    writeFileSync(trust, readFileSync(fx.pki.rootPem));
    const v = await runCli(['verify', '--json', '--offline', '--no-tsl', '--trust', trust, p7m]);
    const [report] = JSON.parse(v.stdout);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0].counterSignatures).toHaveLength(1);
    expect(report.signatures[0].counterSignatures[0]).toMatchObject({ integrity: 'valid' });
    expect(report.signatures[0].counterSignatures[0].signer.fiscalCode).toBe('RSSMRA80A01H501U');
  });

  it('--signer N outside the signatures, a file that is not a p7m, and the input’s own name (never replaced in place) fail clearly', async () => {
    const p7m = signedP7m();
    const bad = await runCli(
      ['sign', '--json', '--module', fx.module, '--countersign', '--signer', '2', '--out', base, p7m],
      env,
    );
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)[0].error.code).toBe('SIGNER_NOT_FOUND');
    const same = await runCli(['sign', '--json', '--module', fx.module, '--countersign', p7m], env);
    expect(JSON.parse(same.stdout)[0].error.code).toBe('OUTPUT_IS_INPUT');
    const plain = join(base, 'plain.txt');
    writeFileSync(plain, 'x');
    const np = await runCli(
      ['sign', '--json', '--module', fx.module, '--countersign', '--out', base, plain],
      env,
    );
    expect(JSON.parse(np.stdout)[0].error.code).toBe('COUNTERSIGN_NEEDS_P7M');
    const usage = await runCli(['sign', '--module', fx.module, '--signer', 'x', '--countersign', p7m], env);
    expect(usage.code).toBe(2);
  });
});
