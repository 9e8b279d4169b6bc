/** Extra trusted certificates for verification (like `sigillo verify --trust`): add or remove PEM/DER files. */
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../../shared/schemas/settings';
import { useFilePicker } from '../../components/useFilePicker';
import { baseName } from '../../model/files';

export function TrustSettings({
  settings,
  save,
}: {
  settings: Settings;
  save(patch: SettingsPatch): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const files = settings.trustFiles;
  const pick = useFilePicker(
    (paths) => void save({ trustFiles: [...new Set([...files, ...paths])].slice(0, 50) }),
  );
  return (
    <section className="card" aria-labelledby="set-trust">
      <h2 id="set-trust">{t('settings.trust')}</h2>
      <p className="hint muted">{t('settings.trustHint')}</p>
      {files.length === 0 ? (
        <p>{t('settings.trustNone')}</p>
      ) : (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f}>
              <span className="file-name">{baseName(f)}</span>
              <span className="muted file-dir mono">{f}</span>
              <button
                type="button"
                className="btn link"
                aria-label={t('common.removeFile', { name: baseName(f) })}
                onClick={() => void save({ trustFiles: files.filter((x) => x !== f) })}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn" onClick={() => pick('certificate')}>
        {t('settings.trustAdd')}
      </button>
    </section>
  );
}
