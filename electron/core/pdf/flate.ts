/** Stream decoding for the streams the reader itself needs (xref and object streams): FlateDecode + predictors. */
import { inflateSync } from 'node:zlib';
import { asArray, asDict, asNumber, isName, type PdfDict, type PdfValue } from './pdf-objects';
import { pdfBroken } from './pdf-errors';

function inflateLenient(data: Uint8Array): Buffer {
  try {
    return inflateSync(data);
  } catch {
    // some producers write truncated zlib streams: take what decodes
    try {
      return inflateSync(data, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    } catch {
      throw pdfBroken('bad FlateDecode stream');
    }
  }
}

function pngUnpredict(data: Uint8Array, columns: number, colors: number, bpc: number): Uint8Array {
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((columns * colors * bpc) / 8);
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
export function decodeStream(dict: PdfDict, raw: Uint8Array): Uint8Array {
  const f = dict.get('Filter');
  const filters: PdfValue[] = f === undefined || f === null ? [] : (asArray(f) ?? [f]);
  const p = dict.get('DecodeParms');
  const parms: PdfValue[] = asArray(p) ?? [p ?? null];
  let data = raw;
  filters.forEach((filter, i) => {
    if (!isName(filter, 'FlateDecode') && !isName(filter, 'Fl')) {
      throw pdfBroken(`unsupported filter ${isName(filter) ? filter.name : '?'}`);
    }
    data = applyPredictor(inflateLenient(data), asDict(parms[i] ?? undefined));
  });
  return data;
}
