/**
 * What "open the signed document" means for one verified file (its report): a p7m/m7m/tsd → the innermost
 * content, a signed PDF → the revision signature N covers (named after its signer), an XAdES XML → the XML
 * itself. Anything else (a detached signature, an ASiC container, a file that did not verify) has none.
 */
import { basename, extname } from 'node:path';
import { failure } from '../errors';
import { t } from '../i18n/translate';
import type { FileReport } from '../verify/types';
import { NAME_MAX } from '../files/stale-temp';

export type OpenPlan =
  | { kind: 'envelope' }
  | { kind: 'xml' }
  | { kind: 'pdf'; signature: number; signedEnd: number; name: string };

type AnySignature = FileReport['signatures'][number];

const ENVELOPES = new Set(['cades', 'cms', 'm7m', 'tsd']);

/** a signer's name as people write it: `ROSSI` → `Rossi` */
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** a file-name-safe piece: no path separators, reserved or control characters, at most 60 characters */
function safePiece(s: string): string {
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;
  const clean = s.replace(unsafe, ' ').replace(/\s+/g, ' ').trim();
  return [...clean]
    .slice(0, 60)
    .join('')
    .replace(/[. ]+$/, '');
}

/** `contratto.pdf`, signature 2 of Mario Rossi → `contratto (firmata da Rossi).pdf` (in the user's language) */
function revisionName(file: string, sig: AnySignature, n: number): string {
  const who = safePiece(titleCase(sig.signer.surname ?? sig.signer.commonName ?? ''));
  const label = sig.documentTimestamp
    ? t({ it: 'marca temporale {n}', en: 'timestamp {n}' }, { n })
    : who
      ? t({ it: 'firmata da {who}', en: 'signed by {who}' }, { who })
      : t({ it: 'firma {n}', en: 'signature {n}' }, { n });
  const ext = extname(file) || '.pdf';
  let stem = safePiece(basename(file, extname(file))) || 'documento';
  const fits = (s: string) => Buffer.byteLength(`${s} (${label})${ext}`) <= NAME_MAX;
  while (!fits(stem) && stem.length > 1) stem = [...stem].slice(0, -1).join('');
  return `${stem} (${label})${ext}`;
}

function none(file: string, reason: string): never {
  throw failure('OPEN_NOT_AVAILABLE', { reason: `${basename(file)}: ${reason}` });
}

/** the plan for `report`; `signature` (1-based) picks a PDF signature. OPEN_NOT_AVAILABLE when there is none. */
export function openPlan(report: FileReport, signature?: number): OpenPlan {
  if (report.error) none(report.file, report.error.code);
  if (report.signatures.length === 0 && (report.timestamps ?? []).length === 0)
    none(report.file, t({ it: 'nessuna firma', en: 'no signature' }));
  if (report.format === 'pades') {
    const n = signature ?? report.signatures.length;
    const sig = report.signatures[n - 1];
    const br = sig?.byteRange;
    if (!sig || !br || br.length !== 4)
      return none(report.file, t({ it: 'firma {n}', en: 'signature {n}' }, { n }));
    const signedEnd = br[2]! + br[3]!;
    if (!Number.isSafeInteger(signedEnd) || signedEnd <= 0) return none(report.file, 'ByteRange');
    return { kind: 'pdf', signature: n, signedEnd, name: revisionName(report.file, sig, n) };
  }
  if (signature !== undefined) none(report.file, t({ it: 'non è un PDF', en: 'not a PDF' }));
  if (report.format === 'xades') return { kind: 'xml' };
  if (report.format && ENVELOPES.has(report.format) && report.content === undefined)
    return { kind: 'envelope' };
  return none(report.file, report.content !== undefined ? 'p7s' : (report.format ?? '?'));
}
