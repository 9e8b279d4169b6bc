/**
 * Each text of a verification report in both languages (issue 21 flow 5): next to `explanation`, `messages`,
 * a revocation `message`, the PDF `changes` and the file's `error.message` (kept as they are: the CLI's JSON
 * contract), their `…Text(s)` twins, so that the window and the report PDF show them in the language chosen
 * later. The twins come from the core's one catalogue (i18n/text-twins.ts): a text with none (an I/O error's
 * own words) is carried as written in both.
 */
import { twinOf } from '../i18n/text-twins';
import type { Message } from '../i18n/translate';
import type { ChainEntry, FileReport, RevocationReport, SignatureReport } from '../verify/types';
import type { TimestampReport } from '../../../shared/schemas/verify';

const pair = (text: string): Message => twinOf(text) ?? { it: text, en: text };

function revocation(r: RevocationReport | null): RevocationReport | null {
  return r && { ...r, messageText: r.message === null ? null : pair(r.message) };
}

function chain(c: ChainEntry[]): ChainEntry[] {
  return c.map((e) => ({ ...e, revocation: revocation(e.revocation) }));
}

function timestamp(ts: TimestampReport): TimestampReport {
  return {
    ...ts,
    explanationText: pair(ts.explanation),
    messageTexts: ts.messages.map(pair),
    chain: chain(ts.chain),
  };
}

function signature<S extends SignatureReport>(s: S): S {
  const out: S = {
    ...s,
    explanationText: pair(s.explanation),
    messageTexts: s.messages.map(pair),
    revocation: revocation(s.revocation),
    chain: chain(s.chain),
    counterSignatures: s.counterSignatures.map(signature),
  };
  if (s.timestamps) out.timestamps = s.timestamps.map(timestamp);
  const mods = (s as { modifications?: { changes: string[] } | null }).modifications;
  if (mods) Object.assign(out, { modifications: { ...mods, changeTexts: mods.changes.map(pair) } });
  return out;
}

/** The report with the both-language twin of each of its texts. */
export function withTexts(r: FileReport): FileReport {
  const out: FileReport = { ...r, signatures: r.signatures.map(signature) };
  if (r.error) out.errorText = pair(r.error.message);
  if (r.timestamps) out.timestamps = r.timestamps.map(timestamp);
  return out;
}
