/**
 * Reading the optional, loosely typed parts of a signature report (issue 4 shape, PAdES and timestamp additions)
 * without trusting their shape: chain names, revocation, proven time, PDF modifications, messages.
 */
import type { SignatureReport } from '../../../shared/schemas/verify';

type Loose = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function asObject(v: unknown): Loose | null {
  return v !== null && typeof v === 'object' ? (v as Loose) : null;
}

export interface ChainItem {
  name: string;
  anchor: boolean;
}

export function chainItems(sig: SignatureReport): ChainItem[] {
  return (sig.chain ?? []).map((c) => {
    const o = asObject(c);
    const subject = o?.subject;
    const subjectObj = asObject(subject);
    const name =
      str(subject) ??
      str(subjectObj?.commonName) ??
      str(subjectObj?.dn) ??
      str(o?.commonName) ??
      str(c) ??
      '?';
    const cn = /CN=([^,]+)/.exec(name)?.[1];
    return { name: cn ?? name, anchor: o?.trustAnchor === true };
  });
}

export interface RevocationView {
  status: 'good' | 'revoked' | 'unknown' | 'not_checked';
  source: string | null;
  time: string | null;
  message: string | null;
}

export function revocation(sig: SignatureReport): RevocationView | null {
  const o = asObject(sig.revocation);
  const status = o?.status;
  if (status !== 'good' && status !== 'revoked' && status !== 'unknown' && status !== 'not_checked')
    return null;
  return {
    status,
    source: str(o?.source)?.toUpperCase() ?? null,
    time: str(o?.revocationTime),
    message: str(o?.message),
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
  const loose = sig as Loose;
  if (typeof loose.coversWholeDocument !== 'boolean') return null;
  if (loose.coversWholeDocument) return 'none';
  return asObject(loose.modifications)?.allowed === false ? 'forbidden' : 'allowed';
}

export function messages(sig: SignatureReport): string[] {
  return (sig.messages ?? []).filter((m): m is string => typeof m === 'string' && m.length > 0);
}

export interface PdfChangeItem {
  allowed: boolean;
  kind: string;
  page: number | null;
  /** the change and the rule that decided, in the interface language */
  reason: string;
  rule: string;
}

function pick(v: unknown, lang: string): string | null {
  const o = asObject(v);
  return str(lang.startsWith('en') ? o?.en : o?.it) ?? str(o?.it) ?? str(o?.en);
}

/**
 * PDF only: the changes after signing worth showing (issue 18) — everything refused, and form filling and
 * annotations even when permitted.
 */
export function pdfChangeItems(sig: SignatureReport, lang: string): PdfChangeItem[] {
  const items = asObject((sig as Loose).modifications)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((x) => {
    const o = asObject(x);
    const kind = str(o?.kind);
    const reason = pick(o?.reason, lang);
    if (!o || !kind || !reason || typeof o.allowed !== 'boolean') return [];
    if (o.allowed && kind !== 'form-fill' && kind !== 'annotation') return [];
    return [
      {
        allowed: o.allowed,
        kind,
        page: typeof o.page === 'number' ? o.page : null,
        reason,
        rule: pick(o.ruleText, lang) ?? str(o.rule) ?? '',
      },
    ];
  });
}
