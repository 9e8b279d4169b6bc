/**
 * The parts of a signature report the details show (issue 4 shape, PAdES and timestamp additions): chain names,
 * revocation, proven time, PDF modifications, messages. The report's type is the shared schema's (issue 20 §3).
 */
import type { LocalisedText, SignatureReport } from '../../../shared/schemas/verify';
import { messagesIn, reportLang, revocationMessageIn } from '../../../shared/verdict/texts';

/** a non-empty string, or null */
const text = (v: string | null | undefined): string | null => (v ? v : null);

export interface ChainItem {
  name: string;
  anchor: boolean;
}

export function chainItems(sig: SignatureReport): ChainItem[] {
  return sig.chain.map((c) => {
    const name = text(c.subject) ?? '?';
    const cn = /CN=([^,]+)/.exec(name)?.[1];
    return { name: cn ?? name, anchor: c.trustAnchor };
  });
}

export interface RevocationView {
  status: 'good' | 'revoked' | 'unknown' | 'not_checked';
  source: string | null;
  time: string | null;
  message: string | null;
}

/** the revocation of the signer's certificate; its message in the interface language `uiLang` */
export function revocation(sig: SignatureReport, uiLang: string): RevocationView | null {
  const r = sig.revocation;
  if (!r) return null;
  return {
    status: r.status,
    source: r.source?.toUpperCase() ?? null,
    time: text(r.revocationTime),
    message: text(revocationMessageIn(r, reportLang(uiLang))),
  };
}

/** The earliest genTime of a timestamp that verifies (the proven signing time), if any. */
export function provenTime(sig: Pick<SignatureReport, 'timestamps'>): string | null {
  const times = (sig.timestamps ?? [])
    .filter((ts) => ts.integrity === 'valid' && ts.imprintMatches && ts.indication !== 'TOTAL_FAILED')
    .map((ts) => ts.genTime)
    .sort();
  return times[0] ?? null;
}

/** PDF only: 'none' (the signature covers the whole file), 'allowed' later changes, or 'forbidden' ones. */
export function pdfChanges(sig: SignatureReport): 'none' | 'allowed' | 'forbidden' | null {
  if (sig.coversWholeDocument === undefined) return null;
  if (sig.coversWholeDocument) return 'none';
  return sig.modifications?.allowed === false ? 'forbidden' : 'allowed';
}

/** the core's findings, in the interface language `uiLang` */
export function messages(sig: SignatureReport, uiLang: string): string[] {
  return messagesIn(sig, reportLang(uiLang)).filter((m) => m.length > 0);
}

export interface PdfChangeItem {
  allowed: boolean;
  kind: string;
  page: number | null;
  /** the change and the rule that decided, in the interface language */
  reason: string;
  rule: string;
}

function pick(v: LocalisedText, lang: string): string | null {
  return text(lang.startsWith('en') ? v.en : v.it) ?? text(v.it) ?? text(v.en);
}

/**
 * PDF only: the changes after signing worth showing (issue 18) — everything refused, and form filling and
 * annotations even when permitted.
 */
export function pdfChangeItems(sig: SignatureReport, lang: string): PdfChangeItem[] {
  return (sig.modifications?.items ?? []).flatMap((o) => {
    const reason = pick(o.reason, lang);
    if (!reason) return [];
    if (o.allowed && o.kind !== 'form-fill' && o.kind !== 'annotation') return [];
    return [
      { allowed: o.allowed, kind: o.kind, page: o.page, reason, rule: pick(o.ruleText, lang) ?? o.rule },
    ];
  });
}
