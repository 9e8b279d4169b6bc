/** The changes after signing in words, for the CLI summary and the report PDF (the GUI reads the same items). */
import { t } from '../../i18n/translate';
import type { ChangeItem, Modifications } from './types';

/** the items worth a line: everything refused, and form filling and annotations even when allowed */
export function reportedItems(m: Pick<Modifications, 'items'>): ChangeItem[] {
  return (m.items ?? []).filter((i) => !i.allowed || i.kind === 'form-fill' || i.kind === 'annotation');
}

/** "field "Nome" filled in — allowed (form filling)" */
export function itemLine(i: ChangeItem): string {
  const verdict = i.allowed
    ? t({ it: 'consentita', en: 'allowed' })
    : t({ it: 'NON consentita', en: 'NOT allowed' });
  return `${t(i.reason)} — ${verdict} (${t(i.ruleText)})`;
}
