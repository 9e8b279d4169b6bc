/** Text lines of `sigillo trust update` and `sigillo trust status`. */
import { t } from '../../core/i18n/translate';
import type { ListResult, UpdateResult } from '../../core/tsl/tsl-update';
import type { ListStatus, TrustStatus } from '../../core/tsl/tsl-status';

function day(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '—';
}

function dates(seq: number | null, issue: string | null, next: string | null): string {
  return t(
    {
      it: 'n. {seq}, emessa {issue}, prossimo aggiornamento {next}',
      en: 'no. {seq}, issued {issue}, next update {next}',
    },
    { seq: seq ?? '—', issue: day(issue), next: day(next) },
  );
}

export function updateLine(r: ListResult): string {
  if (!r.ok) return `✖ ${r.territory.padEnd(4)} ${r.error?.code ?? ''}: ${r.error?.message ?? ''}`;
  const services = t({ it: '{n} servizi', en: '{n} services' }, { n: r.services ?? 0 });
  return `✔ ${r.territory.padEnd(4)} ${dates(r.sequenceNumber, r.issueDate, r.nextUpdate)}, ${services}`;
}

export function lotlUpdateLine(r: UpdateResult['lotl']): string {
  const lists = t({ it: '{n} liste nazionali', en: '{n} national lists' }, { n: r.lists });
  return `✔ LOTL ${r.territory} ${dates(r.sequenceNumber, r.issueDate, r.nextUpdate)}, ${lists}`;
}

function statusLine(s: ListStatus, lotl = false): string {
  const stale = s.stale ? t({ it: ' — SCADUTA', en: ' — STALE' }) : '';
  const anchors = lotl
    ? ''
    : `, ${t({ it: '{n} certificati CA/QC', en: '{n} CA/QC certificates' }, { n: s.anchors })}`;
  const name = lotl ? `LOTL ${s.territory}` : s.territory.padEnd(4);
  return `${s.stale ? '⚠' : '✔'} ${name} ${dates(s.sequenceNumber, s.issueDate, s.nextUpdate)}${anchors}${stale}`;
}

export function statusLines(st: TrustStatus): string[] {
  if (!st.lotl && st.lists.length === 0) {
    return [
      t(
        {
          it: "Nessuna lista di fiducia salvata in {dir}: eseguire 'sigillo trust update'.",
          en: "No trusted list saved in {dir}: run 'sigillo trust update'.",
        },
        { dir: st.cacheDir },
      ),
    ];
  }
  const lines = [
    t(
      {
        it: 'Liste di fiducia in {dir} (ultimo aggiornamento {when})',
        en: 'Trusted lists in {dir} (last update {when})',
      },
      {
        dir: st.cacheDir,
        when: day(st.lastUpdate),
      },
    ),
  ];
  if (st.lotl) lines.push(statusLine(st.lotl, true));
  for (const s of st.lists) lines.push(statusLine(s));
  for (const f of st.failures) lines.push(`✖ ${f.territory.padEnd(4)} ${f.code}: ${f.message}`);
  return lines;
}

export function staleWarning(st: TrustStatus): string | undefined {
  const stale = [
    ...(st.lotl?.stale ? ['LOTL'] : []),
    ...st.lists.filter((s) => s.stale).map((s) => s.territory),
  ];
  if (stale.length === 0) return undefined;
  return t(
    {
      it: "⚠ Liste di fiducia scadute (oltre la data di prossimo aggiornamento): {lists}. Eseguire 'sigillo trust update'.",
      en: "⚠ Stale trusted lists (past their next-update date): {lists}. Run 'sigillo trust update'.",
    },
    { lists: stale.join(', ') },
  );
}
