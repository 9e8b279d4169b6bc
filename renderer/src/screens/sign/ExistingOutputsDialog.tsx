/**
 * Asked before the PIN when signed files would land on existing ones: "Sostituisci", "Salva con un altro nome"
 * (the core's first free "NAME (2).ext", shown) or "Annulla". Nothing is ever overwritten without this answer.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignPlan } from '../../../../shared/schemas/sign';
import { Dialog } from '../../components/Dialog';
import { baseName } from '../../model/files';

export type OnExisting = 'replace' | 'rename';

export function ExistingOutputsDialog({
  existing,
  onChoose,
  onCancel,
}: {
  existing: SignPlan[];
  onChoose(choice: OnExisting): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Dialog labelledBy={`${id}-title`} onClose={onCancel}>
      <h2 id={`${id}-title`}>{t('signCheck.existsTitle', { count: existing.length })}</h2>
      <p>{t('signCheck.existsBody')}</p>
      <ul className="exists-list">
        {existing.map((p) => (
          <li key={p.file}>
            <span className="file-name">{baseName(p.output ?? p.file)}</span>
            {p.freeName && (
              <span className="muted"> — {t('signCheck.renameAs', { name: baseName(p.freeName) })}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn" onClick={() => onChoose('replace')}>
          {t('signCheck.replace')}
        </button>
        <button type="button" className="btn primary" autoFocus onClick={() => onChoose('rename')}>
          {t('signCheck.rename')}
        </button>
      </div>
    </Dialog>
  );
}
