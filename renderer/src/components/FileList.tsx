/** Files waiting for an action, each removable. */
import { useTranslation } from 'react-i18next';
import { baseName, dirName } from '../model/files';
import { Icon } from './Icon';

export function FileList({ files, onRemove }: { files: string[]; onRemove(file: string): void }) {
  const { t } = useTranslation();
  return (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f}>
          <Icon name="file" />
          <span className="file-name">{baseName(f)}</span>
          <span className="muted file-dir">{dirName(f)}</span>
          <button
            type="button"
            className="btn link"
            onClick={() => onRemove(f)}
            aria-label={t('common.removeFile', { name: baseName(f) })}
          >
            {t('common.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
