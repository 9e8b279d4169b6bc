/**
 * parseCert's per-run cache (issue 22) finds a certificate by a hash of a sample of its bytes, then by the bytes
 * themselves: a certificate differing from a cached one only where the sample does not look (same length, same
 * sampled bytes) is never answered with the cached one; a buffer reused for other bytes is read again; a bucket
 * filled with crafted look-alikes stays short and still answers right.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { parseCert } from '../../electron/core/x509/certificates';

const fx = inject('fixture');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** offsets the sample hash reads for a DER of length n (spread over the whole, and the last 32) */
function sampled(n: number): Set<number> {
  const s = new Set<number>();
  const step = Math.max(1, Math.floor(n / 32));
  for (let i = 0; i < n; i += step) s.add(i);
  for (let i = Math.max(0, n - 32); i < n; i++) s.add(i);
  return s;
}

/** copies of `der` with one unsampled byte changed (same length, same sampled bytes: the same bucket) */
function lookAlikes(der: Buffer, count: number): Buffer[] {
  const skip = sampled(der.length);
  const out: Buffer[] = [];
  for (let i = 64; out.length < count && i < der.length; i++) {
    if (skip.has(i)) continue;
    const b = Buffer.from(der);
    b[i] = (b[i] as number) ^ 0x01;
    out.push(b);
  }
  return out;
}

describe('parseCert cache: exact bytes only', () => {
  const der = readFileSync(fx.pki.signature.certDer);

  it('the cached certificate is returned for equal bytes, its own fingerprint', () => {
    const a = parseCert(new Uint8Array(der));
    const b = parseCert(Buffer.from(der));
    expect(a?.fingerprint).toBe(sha256(der));
    expect(b).toBe(a);
  });

  it('a look-alike in the same bucket is never answered with the cached certificate', () => {
    const real = parseCert(der);
    for (const other of lookAlikes(der, 12)) {
      const p = parseCert(other);
      expect(p).not.toBe(real);
      if (p) expect(p.fingerprint).toBe(sha256(other));
      // asked again (cached or, past the bucket's size, parsed again): still its own bytes
      const again = parseCert(Buffer.from(other));
      if (again) expect(again.fingerprint).toBe(sha256(other));
      expect(Boolean(again)).toBe(Boolean(p));
    }
    expect(parseCert(der)).toBe(real);
  });

  it('a buffer reused for other bytes is read again', () => {
    const [other] = lookAlikes(der, 1);
    const buf = Buffer.from(der);
    const first = parseCert(buf);
    (other as Buffer).copy(buf);
    const second = parseCert(buf);
    expect(second).not.toBe(first);
    if (second) expect(second.fingerprint).toBe(sha256(other as Buffer));
    expect(first?.fingerprint).toBe(sha256(der));
  });
});
