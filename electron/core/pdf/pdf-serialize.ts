/** Writes PDF objects back as bytes (for the objects of an incremental update). */
import { PdfDict, PdfName, PdfRaw, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-objects';

function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function nameText(n: string): string {
  let out = '/';
  for (const b of Buffer.from(n, 'latin1')) {
    const regular = b > 0x20 && b < 0x7f && !'()<>[]{}/%#'.includes(String.fromCharCode(b));
    out += regular ? String.fromCharCode(b) : '#' + b.toString(16).padStart(2, '0');
  }
  return out;
}

function stringText(s: PdfString): string {
  const printable = s.bytes.every((b) => b >= 0x20 && b < 0x7f);
  if (s.hex || !printable) return '<' + Buffer.from(s.bytes).toString('hex') + '>';
  return (
    '(' +
    Buffer.from(s.bytes)
      .toString('latin1')
      .replace(/[()\\]/g, (c) => '\\' + c) +
    ')'
  );
}

/** Serialises a value (streams: dictionary only; see serializeObject for the data). */
export function serializeValue(v: PdfValue): string {
  if (v === null) return 'null';
  if (v instanceof PdfRaw) return v.text;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return num(v);
  if (v instanceof PdfName) return nameText(v.name);
  if (v instanceof PdfString) return stringText(v);
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (Array.isArray(v)) return '[' + v.map(serializeValue).join(' ') + ']';
  if (v instanceof PdfStream) return serializeValue(v.dict);
  const parts: string[] = [];
  (v as PdfDict).forEach((val, k) => parts.push(`${nameText(k)} ${serializeValue(val)}`));
  return '<<' + parts.join(' ') + '>>';
}

/** `num gen obj … endobj` bytes; a stream's data must be in memory (`data`). */
export function serializeObject(numb: number, gen: number, v: PdfValue): Buffer {
  if (v instanceof PdfStream) {
    const data = v.data ?? new Uint8Array();
    const dict = v.dict.clone().set('Length', data.length);
    return Buffer.concat([
      Buffer.from(`${numb} ${gen} obj\n${serializeValue(dict)}\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
  }
  return Buffer.from(`${numb} ${gen} obj\n${serializeValue(v)}\nendobj\n`, 'latin1');
}
