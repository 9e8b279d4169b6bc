/**
 * checkSignerInfoLimits walks the SignerInfos with plain loops (issue 22: a generator per element set cost a
 * batch microseconds per file). It must throw (or not) exactly as the generator walk did: the same error code
 * and message for SignerInfos at and past every cap, counter-signatures nested up to and past the depth limit,
 * and thousands of randomly damaged copies of them.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CMS_LIMITS,
  checkCount,
  checkSignerInfoLimits,
  counterSignaturesTooDeep,
} from '../../electron/core/cms/limits';
import { decodeOid, readElement, valueOf, type Element } from '../../electron/core/cms/der-parse';
import { OID } from '../../electron/core/cms/oids';
import { SigilloError } from '../../electron/core/errors';
import { oid, sequence, tlv } from '../../electron/core/cms/der';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { counterChain, counterSignatureAttr, splitSignedData, withUnsigned } from './support/hostile-cms';

const fx = inject('fixture');
let si: Uint8Array;

beforeAll(() => {
  const dir = mkdtempSync(join(fx.root, 'limits-walk-'));
  const input = join(dir, 'doc.txt');
  writeFileSync(input, 'documento\n');
  const der = opensslCmsSign({ input, out: join(dir, 'base.p7m'), signer: fx.pki.signature });
  si = splitSignedData(der).signerInfos[0] as Uint8Array;
});

type Cap = Parameters<typeof checkCount>[0];

/** the generator walk, kept here as the reference */
function* eachChild(buf: Uint8Array, parent: Element, cap: Cap): Generator<Element> {
  let n = 0;
  for (let p = parent.valueStart; p < parent.valueEnd;) {
    checkCount(cap, ++n);
    const e = readElement(buf, p, parent.valueEnd);
    yield e;
    p = e.end;
  }
}

function walk(
  buf: Uint8Array,
  si: Element,
  depth: number,
  w: { counters: number; unsignedValues: number },
): void {
  if (si.tag !== 0x30) return;
  for (const field of eachChild(buf, si, 'attributes')) {
    if (field.tag !== 0xa0 && field.tag !== 0xa1) continue;
    for (const attr of eachChild(buf, field, 'attributes')) {
      if (attr.tag !== 0x30) continue;
      const typeEl = readElement(buf, attr.valueStart, attr.valueEnd);
      if (typeEl.end >= attr.valueEnd) continue;
      const values = readElement(buf, typeEl.end, attr.valueEnd);
      const counter = typeEl.tag === 0x06 && decodeOid(valueOf(buf, typeEl)) === OID.counterSignature;
      for (const v of eachChild(buf, values, counter ? 'counterSignatures' : 'attributeValues')) {
        if (field.tag !== 0xa1) continue;
        checkCount('unsignedValues', ++w.unsignedValues);
        if (!counter) continue;
        checkCount('counterSignatures', ++w.counters);
        if (depth + 1 > CMS_LIMITS.counterSignatureDepth) throw counterSignaturesTooDeep();
        walk(buf, v, depth + 1, w);
      }
    }
  }
}

function reference(signerInfos: Uint8Array[]): void {
  checkCount('signers', signerInfos.length);
  const w = { counters: 0, unsignedValues: 0 };
  for (const s of signerInfos) {
    try {
      walk(s, readElement(s, 0), 0, w);
    } catch (e) {
      if (e instanceof SigilloError) throw e;
    }
  }
}

const outcome = (f: (s: Uint8Array[]) => void, s: Uint8Array[]): string => {
  try {
    f(s);
    return 'ok';
  } catch (e) {
    return e instanceof SigilloError ? `${e.code} ${e.message}` : `other ${String(e)}`;
  }
};

const attr = (type: string, n: number) =>
  sequence(oid(type), tlv(0x31, ...Array.from({ length: n }, () => tlv(0x05))));

describe('checkSignerInfoLimits: loops walk as the generator did', () => {
  it('at and past every cap, and counter-signatures at and past the depth limit', () => {
    const unsigned = (n: number, values: number) =>
      withUnsigned(
        si,
        Array.from({ length: n }, (_, i) => attr(`1.2.3.${i}`, values)),
      );
    const cases: Uint8Array[][] = [
      [si],
      [unsigned(CMS_LIMITS.attributes, 1)],
      [unsigned(CMS_LIMITS.attributes + 1, 1)],
      [unsigned(1, CMS_LIMITS.attributeValues)],
      [unsigned(1, CMS_LIMITS.attributeValues + 1)],
      [unsigned(6, 90)],
      [
        withUnsigned(si, [
          counterSignatureAttr(...Array.from({ length: CMS_LIMITS.counterSignatures + 1 }, () => si)),
        ]),
      ],
      [counterChain(si, CMS_LIMITS.counterSignatureDepth)],
      [counterChain(si, CMS_LIMITS.counterSignatureDepth + 1)],
      Array.from({ length: CMS_LIMITS.signers + 1 }, () => si),
      [si, Uint8Array.of(0x31, 0x00), Uint8Array.of(0x30, 0x80), new Uint8Array(0)],
    ];
    const seen = new Set<string>();
    for (const c of cases) {
      const want = outcome(reference, c);
      seen.add(want.split(' ')[0] as string);
      expect(outcome(checkSignerInfoLimits, c)).toBe(want);
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('randomly damaged SignerInfos', () => {
    const bases = [si, counterChain(si, 3), withUnsigned(si, [attr('1.2.3.4', 99), attr('1.2.3.5', 3)])];
    let s = 19;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8;
    for (let n = 0; n < 3000; n++) {
      const b = Uint8Array.from(bases[n % bases.length] as Uint8Array);
      for (let k = 1 + (next() % 4); k > 0; k--) b[next() % b.length] = next() & 0xff;
      const cut = next() % 5 === 0 ? b.subarray(0, next() % b.length) : b;
      expect(outcome(checkSignerInfoLimits, [cut])).toBe(outcome(reference, [cut]));
    }
  });
});
