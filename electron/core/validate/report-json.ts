/**
 * The JSON `sigillo verify --json` prints, `JSON.stringify(reports, null, 2)`, made from one text per report, so
 * that each report can be turned into text as soon as it is verified (by the thread that verified it, see
 * verify-pool.ts) rather than all of them at the end: the same bytes. An element of an array printed with an
 * indent of 2 is the element's own text indented one level more, which is what stringifying the one-element
 * array gives between its brackets (JSON strings hold no raw line break, so the brackets' lines are the first and
 * the last). test/verify/report-json.test.ts compares both on reports of every kind.
 */
import type { FileReport } from '../verify/types';
import { reportPassed } from './report-passed';

/** a report already printed: its text as an element of the array, and whether it passed */
export interface PrintedReport {
  printed: string;
  passed: boolean;
}

/** `report` as an element of the printed array (indented by 2, no separator) */
export function jsonElement(report: unknown): string {
  const one = JSON.stringify([report], null, 2);
  return one.slice(2, one.length - 2); // "[\n" … "\n]"
}

export function printReport(report: FileReport): PrintedReport {
  return { printed: jsonElement(report), passed: reportPassed(report) };
}

/** the array of the elements, as JSON.stringify(array, null, 2) prints it */
export function jsonArray(elements: string[]): string {
  return elements.length === 0 ? '[]' : `[\n${elements.join(',\n')}\n]`;
}

/** `report` printed, unless it holds an error: that one stays an object for the caller to word (the CLI adds
 * the option that fixes it to the message) */
export function printUnlessError(report: FileReport): FileReport | PrintedReport {
  return report.error ? report : printReport(report);
}

export function isPrinted(r: FileReport | PrintedReport): r is PrintedReport {
  return 'printed' in r;
}
