/** The left rail: device status on top, then the five places, About at the bottom. */
import { useTranslation } from 'react-i18next';
import { type Route, useApp } from '../state/store';
import { DeviceStatus } from './DeviceStatus';
import { Icon, type IconName } from './Icon';

const PLACES: { route: Route; icon: IconName; key: string }[] = [
  { route: 'home', icon: 'home', key: 'nav.home' },
  { route: 'sign', icon: 'sign', key: 'nav.sign' },
  { route: 'verify', icon: 'verify', key: 'nav.verify' },
  { route: 'certificates', icon: 'certificate', key: 'nav.certificates' },
  { route: 'pin', icon: 'pin', key: 'nav.pin' },
  { route: 'settings', icon: 'settings', key: 'nav.settings' },
];

function RailLink({ route, icon, label }: { route: Route; icon: IconName; label: string }) {
  const current = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  return (
    <button
      type="button"
      className="rail-link"
      aria-current={current === route ? 'page' : undefined}
      onClick={() => navigate(route)}
    >
      <Icon name={icon} />
      {label}
    </button>
  );
}

export function Rail() {
  const { t } = useTranslation();
  return (
    <aside className="rail">
      <DeviceStatus />
      <nav aria-label={t('nav.label')}>
        <ul>
          {PLACES.map((p) => (
            <li key={p.route}>
              <RailLink route={p.route} icon={p.icon} label={t(p.key)} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="rail-spacer" />
      <RailLink route="about" icon="info" label={t('nav.about')} />
    </aside>
  );
}
