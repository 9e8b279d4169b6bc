/** "scade tra 58 giorni" — amber inside 90 days, red when expired; the text always says it too. */
import { useTranslation } from 'react-i18next';
import type { ExpiryTone } from '../model/token';

export function ExpiryPill({ days, tone }: { days: number; tone: ExpiryTone }) {
  const { t } = useTranslation();
  let text: string;
  if (tone === 'bad') text = t('expiry.expired', { count: Math.abs(days) });
  else if (days === 0) text = t('expiry.today');
  else text = t('expiry.in', { count: days });
  return <span className={`pill ${tone}`}>{text}</span>;
}
