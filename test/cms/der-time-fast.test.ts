/**
 * derTime reads the DER forms (YYMMDDHHMMSSZ, YYYYMMDDHHMMSSZ) from the bytes, without a string or RegExp
 * (issue 22: a batch reads a signing time per file). Its answer must be the general reading's for every input:
 * valid times, rolled-over fields (month 13, 31 February, hour 24, second 60), non-digits (also ones a sloppy
 * digit test would take: '/', ':', full-width), other lengths and zones, for both tags.
 */
import { describe, expect, it } from 'vitest';
import { derTime } from '../../electron/core/cms/der-time';

const UTC_RE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
const GENERALIZED_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?$/;

/** the general reading, kept here as the reference */
function reference(tag: number, value: Uint8Array): Date | undefined {
  const offset = (zone: string | undefined) =>
    !zone || zone === 'Z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const build = (year: number, [mo, d, h, mi, s]: number[], ms: number, zone: string | undefined) => {
    const t = Date.UTC(year, (mo ?? 0) - 1, d, h, mi, s, ms);
    const x = new Date(t);
    if (x.getUTCFullYear() !== year || x.getUTCMonth() !== (mo ?? 0) - 1 || x.getUTCDate() !== d)
      return undefined;
    if (x.getUTCHours() !== h || x.getUTCMinutes() !== mi || x.getUTCSeconds() !== s) return undefined;
    return new Date(t - offset(zone) * 60_000);
  };
  const text = Buffer.from(value).toString('latin1');
  if (tag === 0x17) {
    const m = UTC_RE.exec(text);
    if (!m) return undefined;
    const yy = Number(m[1]);
    return build(
      yy >= 50 ? 1900 + yy : 2000 + yy,
      [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number),
      0,
      m[7],
    );
  }
  if (tag === 0x18) {
    const m = GENERALIZED_RE.exec(text);
    if (!m) return undefined;
    const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), [m[2], m[3], m[4], m[5] ?? '0', m[6] ?? '0'].map(Number), ms, m[8]);
  }
  return undefined;
}

const same = (tag: number, v: Uint8Array) =>
  expect(derTime(tag, v)?.getTime(), `${tag} ${Buffer.from(v).toString('latin1')}`).toBe(
    reference(tag, v)?.getTime(),
  );

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('derTime: the byte reading of the DER forms equals the general reading', () => {
  it('listed cases', () => {
    const cases = [
      '261207095424Z',
      '491231235959Z',
      '500101000000Z',
      '000229000000Z',
      '010229000000Z',
      '261307095424Z',
      '261232095424Z',
      '261207245424Z',
      '261207096024Z',
      '261207095460Z',
      '2612070954/4Z',
      '26120709542:Z',
      '261207095424z',
      '2612070954Z',
      '261207095424+0100',
      '20261207095424Z',
      '00000101000000Z',
      '00500101000000Z',
      '99991231235959Z',
      '20260229000000Z',
      '20240229000000Z',
      '20261207095424.5Z',
      '2026120709542Z',
      '2026120709/424Z',
      '20261207095424',
      '',
      'Z',
    ];
    for (const c of cases) for (const tag of [0x17, 0x18, 0x04]) same(tag, bytes(c));
  });

  it('random damage of 13- and 15-byte times', () => {
    let s = 7;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8;
    const alphabet = bytes('0123456789Z/:+-.\xff\x00');
    for (let n = 0; n < 20_000; n++) {
      const base = bytes(n % 2 ? '261207095424Z' : '20261207095424Z');
      for (let k = next() % 3; k > 0; k--)
        base[next() % base.length] = alphabet[next() % alphabet.length] as number;
      if (next() % 4 === 0) base[next() % (base.length - 1)] = 0x30 + (next() % 10);
      same(0x17, base);
      same(0x18, base);
      // every digit random (mostly plausible times, some rolled over), 'Z' kept
      const digits = bytes(n % 2 ? '000000000000Z' : '00000000000000Z');
      for (let i = 0; i < digits.length - 1; i++) digits[i] = 0x30 + (next() % (i % 2 ? 10 : 4));
      same(0x17, digits);
      same(0x18, digits);
    }
  });
});
