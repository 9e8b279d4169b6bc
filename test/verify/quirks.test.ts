/**
 * The real-world quirks, made here from openssl signatures so they are tested without the corpus: signed
 * attributes stored out of DER order, and an RSA DigestInfo without the NULL parameter. OpenSSL rejects both;
 * Sigillo (like BouncyCastle/DSS) accepts them.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash, createPrivateKey, privateEncrypt, constants } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifyCmsSignatures } from '../../electron/core/verify/verify-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { opensslCmsSign, opensslIntegrityOk } from './support/openssl-cms';

const fx = inject('fixture');
let dir = '';
let der: Buffer;
let si: pkijs.SignerInfo;

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'quirks-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'quirks\n');
  der = Buffer.from(opensslCmsSign({ input, out: join(dir, 'a.p7m'), signer: fx.pki.signature }));
  const [siBytes] = cmsPartsInMemory(der).signerInfos;
  si = new pkijs.SignerInfo({ schema: asn1js.fromBER(new Uint8Array(siBytes ?? []).buffer).result });
});

/** the [0] IMPLICIT signed attributes as stored in the file */
function signedAttrsBytes(): Buffer {
  const b = Buffer.from(si.signedAttrs?.encodedValue ?? new ArrayBuffer(0));
  b[0] = 0xa0;
  return b;
}

/** re-signs `data` (the DER SET of signed attributes) with a DigestInfo whose AlgorithmIdentifier has no NULL */
function signWithoutNull(data: Buffer): Buffer {
  const hash = createHash('sha256').update(data).digest();
  const digestInfo = Buffer.concat([Buffer.from('302f300b0609608648016503040201' + '0420', 'hex'), hash]);
  const key = createPrivateKey(readFileSync(fx.pki.signature.keyPem));
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
}

async function check(bytes: Buffer, name: string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const [s] = await verifyCmsSignatures(cmsPartsInMemory(bytes), { trust: new TrustStore([]) });
  return { openssl: opensslIntegrityOk(file), sigillo: s };
}

describe('real-world quirks, reproduced', () => {
  it('RSA DigestInfo without the NULL parameter: openssl rejects, Sigillo accepts', async () => {
    const oldSig = Buffer.from(si.signature.getValue());
    const asSet = Buffer.from(signedAttrsBytes());
    asSet[0] = 0x31;
    const newSig = signWithoutNull(asSet);
    expect(newSig.length).toBe(oldSig.length);
    const bytes = Buffer.from(der);
    newSig.copy(bytes, bytes.indexOf(oldSig));
    const r = await check(bytes, 'no-null.p7m');
    expect(r.openssl).toBe(false);
    expect(r.sigillo?.integrity).toBe('valid');
  });

  it('signed attributes stored out of DER order: openssl rejects, Sigillo verifies the DER re-sorted encoding', async () => {
    const block = signedAttrsBytes();
    const parsed = asn1js.fromBER(new Uint8Array(block).buffer).result as asn1js.Constructed;
    const attrs = parsed.valueBlock.value.map((a) => Buffer.from(a.valueBeforeDecodeView));
    expect(attrs.length).toBeGreaterThan(2);
    const header = block.subarray(0, block.length - Buffer.concat(attrs).length);
    const reordered = Buffer.concat([header, ...[...attrs].reverse()]);
    const bytes = Buffer.from(der);
    reordered.copy(bytes, bytes.indexOf(block));
    const r = await check(bytes, 'reordered.p7m');
    expect(r.openssl).toBe(false);
    expect(r.sigillo?.integrity).toBe('valid');
    expect(r.sigillo?.messages.join(' ')).toMatch(/DER/);
  });
});
