/** About: name, version, licence, where the data lives, what Sigillo never does. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/schemas/system';
import { api, call } from '../../bridge';
import { useApp } from '../../state/store';

export function AboutScreen() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const module = useApp((s) => s.module);
  useEffect(() => {
    void call(() => api().appInfo({})).then((r) => r.ok && setInfo(r.value));
  }, []);
  return (
    <>
      <h1>{t('about.title')}</h1>
      <p className="lead">{t('about.lead')}</p>
      <section className="card">
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd>{info ? `${info.name} ${info.version}` : '—'}</dd>
          <dt>{t('about.platform')}</dt>
          <dd>{info ? `${info.platform} (${info.host})` : '—'}</dd>
          <dt>{t('about.module')}</dt>
          <dd className="mono">{module ?? t('about.noModule')}</dd>
          <dt>{t('about.data')}</dt>
          <dd className="mono">{info?.userDataDir ?? '—'}</dd>
          <dt>{t('about.license')}</dt>
          <dd>GPL-3.0-or-later</dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t('about.privacyTitle')}</h2>
        <ul>
          <li>{t('about.privacy1')}</li>
          <li>{t('about.privacy2')}</li>
          <li>{t('about.privacy3')}</li>
        </ul>
      </section>
    </>
  );
}
