/** The line that tells how an action on a verified file went, with "Mostra nella cartella" when it left a file. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../bridge';
import type { ActionNote } from './useDocumentActions';

/** `children`: more choices, between the text and "Mostra nella cartella" */
export function ActionNotice({ note, children }: { note: ActionNote; children?: ReactNode }) {
  const { t } = useTranslation();
  const path = note.path;
  return (
    <div className={`notice ${note.tone}`} role="status" style={{ marginTop: 12 }}>
      <span>{note.text}</span>
      {children}
      {path && (
        <button
          type="button"
          className="btn link"
          onClick={() => void call(() => api().showItemInFolder({ path }))}
        >
          {t('common.showInFolder')}
        </button>
      )}
    </div>
  );
}
