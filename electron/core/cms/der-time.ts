/** UTCTime / GeneralizedTime contents (X.680 §46–47, RFC 5280 §4.1.2.5) → Date; undefined when not a valid time. */

const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;

const UTC_RE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
const GENERALIZED_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?$/;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
}

function build(
  year: number,
  [month, day, hour, minute, second]: number[],
  ms: number,
  zone: string | undefined,
): Date | undefined {
  const t = Date.UTC(year, (month ?? 0) - 1, day, hour, minute, second, ms);
  const d = new Date(t);
  // reject rolled-over fields (month 13, 31 February, hour 25…)
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== (month ?? 0) - 1 || d.getUTCDate() !== day)
    return undefined;
  if (d.getUTCHours() !== hour || d.getUTCMinutes() !== minute || d.getUTCSeconds() !== second)
    return undefined;
  return new Date(t - offsetMinutes(zone) * 60_000);
}

/** the two-digit number at `i` when both bytes are ASCII digits, else -1 */
function twoDigits(v: Uint8Array, i: number): number {
  const a = (v[i] as number) - 0x30;
  const b = (v[i + 1] as number) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The DER forms (YYMMDDHHMMSSZ, YYYYMMDDHHMMSSZ) read from the bytes, no string or RegExp per call (a batch reads
 * a signing time per file); undefined for any other shape, which the general reading below then decides.
 */
function derForm(tag: number, v: Uint8Array): Date | undefined {
  const utc = tag === UTC_TIME && v.length === 13;
  if (!utc && !(tag === GENERALIZED_TIME && v.length === 15)) return undefined;
  if (v[v.length - 1] !== 0x5a) return undefined; // 'Z'
  const f: number[] = [];
  for (let i = 0; i < v.length - 1; i += 2) {
    const n = twoDigits(v, i);
    if (n < 0) return undefined;
    f.push(n);
  }
  const [a = 0, b = 0, ...rest] = f;
  if (utc) return build(a >= 50 ? 1900 + a : 2000 + a, [b, ...rest], 0, 'Z');
  return build(a * 100 + b, rest, 0, 'Z');
}

export function derTime(tag: number, value: Uint8Array): Date | undefined {
  const fast = derForm(tag, value);
  if (fast) return fast;
  const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
  if (tag === UTC_TIME) {
    const m = UTC_RE.exec(text);
    if (!m) return undefined;
    const yy = Number(m[1]);
    const fields = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
    return build(yy >= 50 ? 1900 + yy : 2000 + yy, fields, 0, m[7]);
  }
  if (tag === GENERALIZED_TIME) {
    const m = GENERALIZED_RE.exec(text);
    if (!m) return undefined;
    const fields = [m[2], m[3], m[4], m[5] ?? '0', m[6] ?? '0'].map(Number);
    const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), fields, ms, m[8]);
  }
  return undefined;
}
