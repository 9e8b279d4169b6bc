/** Files the chosen format cannot sign, found before the PIN: in words from the code when known. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignPlan } from '../../../../shared/schemas/sign';
import { baseName } from '../../model/files';

const KNOWN = new Set(['FORMAT_NOT_XML', 'FORMAT_NOT_PDF']);

export function PlanProblems({ problems }: { problems: SignPlan[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center' });
  }, [problems]);
  return (
    <div ref={ref} className="notice bad" role="alert">
      <div>
        <strong>{t('signCheck.problemsTitle')}</strong>
        <ul>
          {problems.map((p) => (
            <li key={p.file}>
              {p.error && KNOWN.has(p.error.code)
                ? t(`signCheck.${p.error.code}`, { file: baseName(p.file) })
                : p.error?.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
