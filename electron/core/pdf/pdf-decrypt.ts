/**
 * The standard security handler (ISO 32000-1 §7.6.3, ISO 32000-2 §7.6.4) with the empty user password: enough
 * to read an encrypted PDF's strings and streams when it opens without a password (RC4 40/128, AESV2, AESV3).
 * A signature's /Contents is never encrypted (§7.6.1), so signatures verify even when no key is found.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import {
  asDict,
  asNumber,
  isName,
  PdfDict,
  PdfOpaqueString,
  PdfStream,
  PdfString,
  type PdfValue,
} from './pdf-objects';

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

type Method = 'none' | 'rc4' | 'aes128' | 'aes256';

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/**
 * AES-CBC, the IV first (ISO 32000-1 §7.6.2), read as pdf.js and qpdf read it: a last block whose PKCS#7 padding
 * is invalid is kept whole — dropping the value made two different values read as the same empty string.
 * Undefined for data no encryptor writes (not an IV and whole blocks): the caller keeps those bytes as they are.
 */
function aesCbc(key: Uint8Array, data: Uint8Array): Buffer | undefined {
  if (data.length < 32 || data.length % 16) return undefined;
  const d = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16));
  const out = Buffer.concat([d.setAutoPadding(false).update(data.subarray(16)), d.final()]);
  const n = out[out.length - 1]!;
  const padded = n >= 1 && n <= 16 && out.subarray(out.length - n).every((b) => b === n);
  return padded ? out.subarray(0, out.length - n) : out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

function bytesOf(v: PdfValue | undefined): Buffer {
  return v instanceof PdfString ? Buffer.from(v.bytes) : Buffer.alloc(0);
}

/** Algorithm 2.B (ISO 32000-2 §7.6.4.3.4): the R6 hash of the empty password */
function hash2B(salt: Uint8Array, udata: Uint8Array): Buffer {
  let k = createHash('sha256').update(salt).update(udata).digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([k, udata])));
    const c = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([c.update(k1), c.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]!)
      .update(e)
      .digest();
    if (round >= 63 && e[e.length - 1]! <= round - 31) return k.subarray(0, 32);
  }
}

export class PdfDecryptor {
  private constructor(
    private readonly key: Buffer,
    private readonly strings: Method,
    private readonly streams: Method,
    private readonly r: number,
  ) {}

  /**
   * The decryptor for the empty user password, or undefined when the document needs a real password or uses
   * a handler other than the standard one.
   */
  static open(encrypt: PdfDict, firstId: Uint8Array): PdfDecryptor | undefined {
    if (!isName(encrypt.get('Filter'), 'Standard')) return undefined;
    const v = asNumber(encrypt.get('V')) ?? 0;
    const r = asNumber(encrypt.get('R')) ?? 0;
    const o = bytesOf(encrypt.get('O'));
    const u = bytesOf(encrypt.get('U'));
    const method = (name: PdfValue | undefined): Method => {
      if (v < 4) return 'rc4';
      if (!isName(name) || name.name === 'Identity') return 'none';
      const cfm = asDict(asDict(encrypt.get('CF'))?.get(name.name))?.get('CFM');
      if (isName(cfm, 'AESV2')) return 'aes128';
      if (isName(cfm, 'AESV3')) return 'aes256';
      if (isName(cfm, 'V2')) return 'rc4';
      return 'none';
    };
    const strings = method(encrypt.get('StrF'));
    const streams = method(encrypt.get('StmF'));
    if (r >= 5) {
      if (u.length < 48) return undefined;
      const check =
        r === 5
          ? createHash('sha256').update(u.subarray(32, 40)).digest()
          : hash2B(u.subarray(32, 40), Buffer.alloc(0));
      if (!check.equals(u.subarray(0, 32))) return undefined;
      const ik =
        r === 5
          ? createHash('sha256').update(u.subarray(40, 48)).digest()
          : hash2B(u.subarray(40, 48), Buffer.alloc(0));
      const ue = bytesOf(encrypt.get('UE'));
      if (ue.length !== 32) return undefined;
      const d = createDecipheriv('aes-256-cbc', ik, Buffer.alloc(16)).setAutoPadding(false);
      return new PdfDecryptor(Buffer.concat([d.update(ue), d.final()]), strings, streams, r);
    }
    const n = r === 2 ? 5 : Math.min(16, Math.max(5, (asNumber(encrypt.get('Length')) ?? 40) / 8));
    const p = Buffer.alloc(4);
    p.writeInt32LE(asNumber(encrypt.get('P')) ?? 0);
    const noMeta =
      r >= 4 && encrypt.get('EncryptMetadata') === false
        ? Buffer.from([255, 255, 255, 255])
        : Buffer.alloc(0);
    let key = md5(PAD, o.subarray(0, 32), p, firstId, noMeta).subarray(0, n);
    if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n);
    // Algorithm 6: the empty string is the user password when it reproduces /U
    let ok: boolean;
    if (r === 2) ok = rc4(key, PAD).equals(u.subarray(0, 32));
    else {
      let x = rc4(key, md5(PAD, firstId));
      for (let i = 1; i <= 19; i++)
        x = rc4(
          key.map((b) => b ^ i),
          x,
        );
      ok = x.equals(u.subarray(0, 16));
    }
    return ok ? new PdfDecryptor(key, strings, streams, r) : undefined;
  }

  /** undefined: AES data no encryptor writes (aesCbc) */
  private decrypt(method: Method, num: number, gen: number, data: Uint8Array): Uint8Array | undefined {
    if (method === 'none') return data;
    if (method === 'aes256' || this.r >= 5) return aesCbc(this.key, data);
    const salt = method === 'aes128' ? Buffer.from('sAlT', 'latin1') : Buffer.alloc(0);
    const ng = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]);
    const k = md5(this.key, ng, salt).subarray(0, Math.min(16, this.key.length + 5));
    return method === 'aes128' ? aesCbc(k, data) : rc4(k, data);
  }

  stream(num: number, gen: number, data: Uint8Array): Uint8Array {
    return this.decrypt(this.streams, num, gen, data) ?? data;
  }

  /** every string of an object, except a signature dictionary's /Contents (never encrypted, §7.6.1) */
  value(v: PdfValue, num: number, gen: number): PdfValue {
    if (v instanceof PdfString) {
      const plain = this.decrypt(this.strings, num, gen, v.bytes);
      return plain ? new PdfString(plain, v.hex) : new PdfOpaqueString(v.bytes, v.hex);
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x, num, gen));
    if (v instanceof PdfStream)
      return new PdfStream(this.value(v.dict, num, gen) as PdfDict, v.dataOffset, v.length);
    if (v instanceof PdfDict) {
      const sig = v.has('ByteRange');
      const out = new PdfDict();
      v.forEach((x, k) => out.set(k, sig && k === 'Contents' ? x : this.value(x, num, gen)));
      return out;
    }
    return v;
  }
}
