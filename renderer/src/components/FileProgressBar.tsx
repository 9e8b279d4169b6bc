/** A progress bar in bytes for one file ("3,2 MB di 120 MB"), not a spinner. */
import { useTranslation } from 'react-i18next';
import { baseName, formatBytes } from '../model/files';
import type { FileProgress } from '../state/useOperation';

export function FileProgressBar({ file, progress }: { file: string; progress: FileProgress | undefined }) {
  const { t, i18n } = useTranslation();
  const total = progress?.bytesTotal ?? 0;
  const done = progress?.done ? total : (progress?.bytesDone ?? 0);
  const label = progress
    ? t('progress.bytes', {
        done: formatBytes(done, i18n.language),
        total: formatBytes(total, i18n.language),
      })
    : t('progress.waiting');
  return (
    <div className="file-progress">
      <div className="row">
        <span className="file-name">{baseName(file)}</span>
        <span className="muted">{label}</span>
      </div>
      <progress
        className="progress"
        max={Math.max(total, 1)}
        value={progress?.done ? Math.max(total, 1) : done}
        aria-label={t('progress.of', { name: baseName(file) })}
      />
    </div>
  );
}
