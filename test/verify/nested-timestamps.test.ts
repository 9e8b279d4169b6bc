/**
 * A timestamp token may carry, in its own SignerInfo's unsigned attributes, another timestamp, which may carry
 * another… Such a timestamp is no proof of existence of the signature (EN 319 122-1 defines none; DSS does not
 * look for them) and was checked at every depth, each level copying the whole token: a few MB of nested tokens
 * took GBs and seconds, then overflowed the stack. Only the signature's own timestamps are checked; the nested
 * ones are named in a note.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { createRevocationChecker } from '../../electron/core/revocation/checker';
import { attribute } from '../../electron/core/cms/signed-attributes';
import { OID } from '../../electron/core/cms/oids';
import { tokenWithUnsignedAttribute } from '../../electron/core/sign/cades-lta';
import type { TsaPki } from '../support/tsa-server';
import type { IssuedCert } from '../support/pki';
import { concat, contextConstructed, header, oid, sequence } from '../../electron/core/cms/der';
import { bytesOf, children, readElement, type Element } from '../../electron/core/cms/der-parse';
import { signatureValueOf } from '../../electron/core/cms/unsigned-attributes';
import { cmsPartsInMemory } from './support/cms-in-memory';
import { datedToken, makeDatedPki, withRevocationValues } from './support/dated-pki';

const fx = inject('fixture');
const DEPTH = 1000;
const OID_REVOCATION_VALUES = '1.2.840.113549.1.9.16.2.24';
let pki: TsaPki;
let signer: IssuedCert;
let dir = '';

const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

function rootCrl(): Uint8Array {
  const ca = ['-config', pki.config, '-keyfile', join(dir, 'root.key.pem'), '-cert', pki.rootPem];
  openssl(['ca', '-gencrl', ...ca, '-crldays', '30', '-out', 'root.crl.pem']);
  openssl(['crl', '-in', 'root.crl.pem', '-outform', 'DER', '-out', 'root.crl']);
  return new Uint8Array(readFileSync(join(dir, 'root.crl')));
}

/** `token` carrying `inner` as the signature timestamp of its own SignerInfo */
const carrying = (token: Uint8Array, inner: Uint8Array) =>
  tokenWithUnsignedAttribute(token, attribute(OID.signatureTimeStamp, inner));

/**
 * What comes before `inner` in carrying(token, inner) for an inner of `n` bytes: the inner goes last of all (last
 * attribute of the only SignerInfo, last in the SignedData), so a chain of tokens is written once instead of
 * being copied at every level. From the innermost container out: its tag and what precedes the inner in it.
 */
function carryingPrefix(token: Uint8Array, n: number): Uint8Array {
  const [type, explicit] = children(token, readElement(token, 0));
  const [sd] = children(token, explicit!);
  const parts = children(token, sd!);
  const [si] = children(token, parts[parts.length - 1]!);
  const fields = children(token, si!);
  const a1 = fields.find((f) => f.tag === 0xa1);
  const bytes = (es: Element[]) => concat(es.map((e) => bytesOf(token, e)));
  const levels: [number, Uint8Array][] = [
    [0x31, new Uint8Array()],
    [0x30, oid(OID.signatureTimeStamp)],
    [0xa1, a1 ? bytes(children(token, a1)) : new Uint8Array()],
    [0x30, bytes(fields.filter((f) => f !== a1))],
    [0x31, new Uint8Array()],
    [0x30, bytes(parts.slice(0, -1))],
    [0xa0, new Uint8Array()],
    [0x30, bytesOf(token, type!)],
  ];
  let prefix: Uint8Array = new Uint8Array();
  for (const [tag, before] of levels)
    prefix = concat([header(tag, before.length + prefix.length + n), before, prefix]);
  return prefix;
}

/** `depth` copies of `leaf`, each carrying the next */
function chainOf(leaf: Uint8Array, depth: number): Uint8Array {
  const prefixes: Uint8Array[] = [];
  let n = leaf.length;
  for (let i = 1; i < depth; i++) {
    const p = carryingPrefix(leaf, n);
    prefixes.unshift(p);
    n += p.length;
  }
  return concat([...prefixes, leaf]);
}

/** a CAdES-T whose (genuine) signature timestamp carries `depth` timestamps one inside the other */
function nested(name: string, depth: number): string {
  const doc = join(dir, `${name}.txt`);
  writeFileSync(doc, 'Contratto: pagare 1000 EUR\n');
  const p7m = `${doc}.p7m`;
  const key = ['-signer', signer.certPem, '-inkey', signer.keyPem, '-outform', 'DER', '-out', p7m];
  openssl(['cms', '-sign', '-binary', '-nodetach', '-cades', '-md', 'sha256', '-in', doc, ...key]);
  const crl = rootCrl();
  const genTime = new Date(Date.now() - 3600e3);
  const cms = new Uint8Array(readFileSync(p7m));
  const sv = signatureValueOf(cmsPartsInMemory(cms).signerInfos[0]!);
  const token = withRevocationValues(datedToken(pki, genTime, sv, 'sha256'), [crl]);
  // a small token (over the outer token's bytes: it proves nothing here) nested `depth` times
  const leaf = datedToken(pki, genTime, token, 'sha256');
  // the prefixes write what the helper does (a token without, then with unsigned attributes)
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
  expect(same(chainOf(leaf, 2), carrying(leaf, leaf))).toBe(true);
  expect(same(concat([carryingPrefix(token, leaf.length), leaf]), carrying(token, leaf))).toBe(true);
  const chain = chainOf(leaf, depth);
  const outer = depth > 0 ? concat([carryingPrefix(token, chain.length), chain]) : token;
  // the p7m has the shape of a token (one SignerInfo, last): the same helper adds its attributes, without
  // asn1js (which refuses the thousands of nodes of the nested tokens)
  const stamped = tokenWithUnsignedAttribute(cms, attribute(OID.signatureTimeStamp, outer));
  const crlVals = sequence(contextConstructed(0, sequence(crl)));
  writeFileSync(p7m, tokenWithUnsignedAttribute(stamped, attribute(OID_REVOCATION_VALUES, crlVals)));
  return p7m;
}

async function verify(file: string) {
  const trust = new TrustStore(await readTrustFile(pki.rootPem));
  const revocation = createRevocationChecker({ offline: true, cacheDir: null });
  return (await verifyFile(file, { trust, revocation })).signatures[0]!;
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'nested-timestamps-'));
  ({ pki, signer } = makeDatedPki(dir));
});

describe('timestamps inside a timestamp token', () => {
  it('control: the signature timestamp alone passes', async () => {
    const s = await verify(nested('plain', 0));
    expect([s.indication, s.timestamps?.map((t) => t.indication)]).toEqual([
      'TOTAL_PASSED',
      ['TOTAL_PASSED'],
    ]);
    expect(s.timestamps?.[0]?.messages.join(' ')).not.toMatch(/inside a timestamp/);
  });

  it(`${DEPTH} levels: only the outer one is checked, at once, with a note; the verdict is the same`, async () => {
    const file = nested('deep', DEPTH);
    const started = Date.now();
    const s = await verify(file);
    expect(Date.now() - started).toBeLessThan(3000);
    expect([s.indication, s.timestamps?.map((t) => t.indication)]).toEqual([
      'TOTAL_PASSED',
      ['TOTAL_PASSED'],
    ]);
    const notes = s.timestamps?.[0]?.messages.filter((m) => /inside a timestamp: not checked/.test(m));
    expect(notes).toHaveLength(1);
  }, 60_000);
});
