/** Stream decoding for the streams the reader itself needs (xref and object streams): FlateDecode + predictors. */
import { inflateSync } from 'node:zlib';
import { asArray, asDict, asNumber, isName, type PdfDict, type PdfValue } from './pdf-objects';
import { pdfBroken, pdfInflateLimit } from './pdf-errors';
import { MAX_FILTERS, MAX_STREAM_OUTPUT } from './pdf-limits';

/** the decoded bytes one file may still produce (shared by all its streams) */
export class InflateBudget {
  private used = 0;
  constructor(readonly total: number) {}
  /** the most the next stream may decode to */
  next(): number {
    return Math.max(0, Math.min(MAX_STREAM_OUTPUT, this.total - this.used));
  }
  take(n: number): void {
    this.used += n;
  }
}

function tooLarge(e: unknown): boolean {
  return (e as { code?: unknown } | undefined)?.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
}

function limitHit(max: number): never {
  throw pdfInflateLimit(
    max < MAX_STREAM_OUTPUT
      ? 'all streams of the file'
      : `one stream over ${MAX_STREAM_OUTPUT / (1 << 20)} MiB`,
  );
}

function inflateLenient(data: Uint8Array, max: number): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (e) {
    if (tooLarge(e)) limitHit(max);
    // some producers write truncated zlib streams: take what decodes
    try {
      return inflateSync(data, { finishFlush: 2 /* Z_SYNC_FLUSH */, maxOutputLength: Math.max(1, max) });
    } catch (e2) {
      if (tooLarge(e2)) limitHit(max);
      throw pdfBroken('bad FlateDecode stream');
    }
  }
}

function pngUnpredict(data: Uint8Array, columns: number, colors: number, bpc: number): Uint8Array {
  const ok = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!ok(columns, Number.MAX_SAFE_INTEGER) || !ok(colors, 32) || ![1, 2, 4, 8, 16].includes(bpc)) {
    throw pdfBroken('bad predictor parameters');
  }
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((columns * colors * bpc) / 8);
  // rows longer than the data: nothing to decode (and no row buffer of a hostile size)
  if (rowLen + 1 > data.length) return new Uint8Array(0);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  let prev = new Uint8Array(rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const row = data.subarray(r * (rowLen + 1) + 1, (r + 1) * (rowLen + 1));
    const cur = out.subarray(r * rowLen, (r + 1) * rowLen);
    for (let i = 0; i < rowLen; i++) {
      const a = i >= bpp ? cur[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      const x = row[i]!;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - b),
            pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw pdfBroken(`bad PNG predictor row type ${type}`);
      }
      cur[i] = v & 0xff;
    }
    prev = cur;
  }
  return out;
}

function applyPredictor(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = asNumber(parms?.get('Predictor')) ?? 1;
  if (predictor === 1) return data;
  const columns = asNumber(parms?.get('Columns')) ?? 1;
  const colors = asNumber(parms?.get('Colors')) ?? 1;
  const bpc = asNumber(parms?.get('BitsPerComponent')) ?? 8;
  if (predictor >= 10) return pngUnpredict(data, columns, colors, bpc);
  throw pdfBroken(`unsupported predictor ${predictor}`);
}

/** Decodes raw stream bytes per the stream dictionary's /Filter and /DecodeParms. */
export function decodeStream(dict: PdfDict, raw: Uint8Array, budget?: InflateBudget): Uint8Array {
  const f = dict.get('Filter');
  const filters: PdfValue[] = f === undefined || f === null ? [] : (asArray(f) ?? [f]);
  if (filters.length > MAX_FILTERS) throw pdfBroken(`${filters.length} filters on one stream`);
  const p = dict.get('DecodeParms');
  const parms: PdfValue[] = asArray(p) ?? [p ?? null];
  let data = raw;
  filters.forEach((filter, i) => {
    if (!isName(filter, 'FlateDecode') && !isName(filter, 'Fl')) {
      throw pdfBroken(`unsupported filter ${isName(filter) ? filter.name : '?'}`);
    }
    const max = budget ? budget.next() : MAX_STREAM_OUTPUT;
    const inflated = inflateLenient(data, max);
    budget?.take(inflated.length);
    data = applyPredictor(inflated, asDict(parms[i] ?? undefined));
  });
  return data;
}
