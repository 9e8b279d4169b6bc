/**
 * The JSON `sigillo verify --json` prints, `JSON.stringify(reports, null, 2)`, made from one text per report, so
 * that each report can be printed as soon as it is verified (by the thread that verified it, see verify-pool.ts)
 * rather than all of them at the end: the same bytes. An element of an array printed with an indent of 2 is the
 * element's own text indented one level more, which is what stringifying the one-element array gives between its
 * brackets (JSON strings hold no raw line break, so the brackets' lines are the first and the last). A printed
 * report is kept as its UTF-8 bytes, outside the JS heap: a thousand texts of ~5 KB held as strings until the end
 * were copied by every young-generation collection they lived through. JSON.stringify never leaves a lone
 * surrogate, so the UTF-8 of the parts is the UTF-8 of the whole. test/verify/report-json.test.ts compares both
 * on reports of every kind.
 */
import type { FileReport } from '../verify/types';
import { reportPassed } from './report-passed';

/** a report already printed: its element of the array as UTF-8, and whether it passed */
export interface PrintedReport {
  printed: Uint8Array;
  passed: boolean;
}

/** `report` as an element of the printed array (indented by 2, no separator) */
export function jsonElement(report: unknown): string {
  const one = JSON.stringify([report], null, 2);
  return one.slice(2, one.length - 2); // "[\n" … "\n]"
}

/** `text` as UTF-8 in a buffer of its own (not a slice of Node's shared pool: it is sent between threads) */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

export function printReport(report: FileReport): PrintedReport {
  return { printed: utf8Bytes(jsonElement(report)), passed: reportPassed(report) };
}

/** the array of the elements, as JSON.stringify(array, null, 2) prints it */
export function jsonArray(elements: string[]): string {
  return elements.length === 0 ? '[]' : `[\n${elements.join(',\n')}\n]`;
}

const OPEN = Buffer.from('[\n');
const COMMA = Buffer.from(',\n');
const CLOSE = Buffer.from('\n]');

/** jsonArray of printed elements, as UTF-8: the parts in order */
export function jsonArrayParts(elements: Uint8Array[]): Uint8Array[] {
  if (elements.length === 0) return [Buffer.from('[]')];
  const parts: Uint8Array[] = [OPEN];
  elements.forEach((e, i) => parts.push(...(i > 0 ? [COMMA, e] : [e])));
  parts.push(CLOSE);
  return parts;
}

/** `report` printed, unless it holds an error: that one stays an object for the caller to word (the CLI adds
 * the option that fixes it to the message) */
export function printUnlessError(report: FileReport): FileReport | PrintedReport {
  return report.error ? report : printReport(report);
}

export function isPrinted(r: FileReport | PrintedReport): r is PrintedReport {
  return 'printed' in r;
}
