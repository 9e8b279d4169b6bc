/** The timestamp lines of `sigillo verify` text output: file timestamps (.tsd/.tsr/.m7m) and signature timestamps. */
import { formatDateTime } from '../../../shared/format/dates';
import { t } from '../../core/i18n/translate';
import type { TimestampReport } from '../../core/verify/timestamp-report';
import type { FileReport, SignatureReport } from '../../core/verify/types';

function lines(ts: TimestampReport, indent: string): string[] {
  const mark = ts.indication === 'TOTAL_PASSED' ? '✔' : ts.integrity === 'invalid' ? '✖' : '⚠';
  const head = t(
    { it: '{m} marca temporale del {time} — {tsa}', en: '{m} timestamp of {time} — {tsa}' },
    { m: mark, time: formatDateTime(ts.genTime), tsa: ts.tsa ?? '?' },
  );
  const sub = ts.subIndication ? `/${ts.subIndication}` : '';
  return [`${indent}${head}`, `${indent}    ${ts.indication}${sub} — ${ts.explanation}`];
}

export function timestampFileLines(r: FileReport): string[] {
  return (r.timestamps ?? []).flatMap((ts) => lines(ts, '  '));
}

export function timestampSignatureLines(s: SignatureReport, indent: string): string[] {
  return (s.timestamps ?? []).flatMap((ts) => lines(ts, `${indent}    `));
}
