import { describe, expect, it } from 'vitest';
import { detectInput } from '../../electron/core/cms/input-detect';
import { ByteSource } from '../../electron/core/cms/byte-source';
import { readSignedData } from '../../electron/core/cms/signed-data-reader';
import { SigilloError } from '../../electron/core/errors';

/** an input of chunks (as a file reader is) that counts how often it was asked to stop, and may fail at a chunk */
function input(chunks: Uint8Array[], failAt = -1) {
  const seen = { next: 0, returned: 0 };
  let i = 0;
  const it: AsyncIterableIterator<Uint8Array> = {
    [Symbol.asyncIterator]: () => it,
    next: async () => {
      seen.next++;
      if (i === failAt) throw new Error('disk error');
      return i < chunks.length ? { value: chunks[i++]!, done: false } : { value: undefined, done: true };
    },
    return: async () => {
      seen.returned++;
      return { value: undefined, done: true };
    },
  };
  return { it, seen };
}

/** a DER SEQUENCE { OID signedData, [0] … } cut short: a CMS head whose reading ends in TRUNCATED */
const HEAD = Uint8Array.from([
  0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
]);

describe('the input after detection is stopped (its file closed) once, however the reading ends', () => {
  it('read to its end: stopped once, every chunk read once', async () => {
    const { it: src, seen } = input([HEAD.subarray(0, 5), HEAD.subarray(5)]);
    const d = await detectInput(src);
    const bytes: number[] = [];
    for await (const c of d.bytes) bytes.push(...c);
    expect(Uint8Array.from(bytes)).toEqual(HEAD);
    expect(seen.returned).toBe(1);
  });

  it('a reader failing mid-way (TRUNCATED) stops it once, with chunks left', async () => {
    const { it: src, seen } = input([HEAD.subarray(0, 3), HEAD.subarray(3, 9), HEAD.subarray(9)]);
    const e = await readSignedData(src).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SigilloError);
    expect((e as SigilloError).code).toBe('TRUNCATED');
    expect(seen.returned).toBe(1);
  });

  it('an input failing itself: its error, and it is stopped once', async () => {
    // a first chunk long enough for the detection alone; the second one fails
    const first = new Uint8Array(100);
    first.set(HEAD);
    const { it: src, seen } = input([first, HEAD], 1);
    const d = await detectInput(src);
    expect(seen.next).toBe(1);
    const s = new ByteSource(d.bytes);
    await expect(s.read(150)).rejects.toThrow('disk error');
    await s.close();
    expect(seen.returned).toBe(1);
  });

  it('a reader that stops before reading a byte stops the input too', async () => {
    const { it: src, seen } = input([HEAD]);
    const d = await detectInput(src);
    await new ByteSource(d.bytes).close();
    expect(seen.returned).toBe(1);
    // and nothing more is read once stopped
    const after = seen.next;
    expect((await d.bytes[Symbol.asyncIterator]().next()).done).toBe(true);
    expect(seen.next).toBe(after);
  });
});
