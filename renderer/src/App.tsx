/** The window: rail on the left, the current screen on the right, the renewal banner above it, drop overlay. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Rail } from './components/Rail';
import { DropOverlay } from './components/DropOverlay';
import { RenewalBanner } from './screens/renewal/RenewalBanner';
import { useApp, type Route } from './state/store';
import { HomeScreen } from './screens/home/HomeScreen';
import { SignScreen } from './screens/sign/SignScreen';
import { VerifyScreen } from './screens/verify/VerifyScreen';
import { CertificatesScreen } from './screens/certificates/CertificatesScreen';
import { PinScreen } from './screens/pin/PinScreen';
import { RenewalWizard } from './screens/renewal/RenewalWizard';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { AboutScreen } from './screens/about/AboutScreen';

const SCREENS: Record<Route, () => React.JSX.Element> = {
  home: HomeScreen,
  sign: SignScreen,
  verify: VerifyScreen,
  certificates: CertificatesScreen,
  pin: PinScreen,
  renewal: RenewalWizard,
  settings: SettingsScreen,
  about: AboutScreen,
};

export function App() {
  const { t } = useTranslation();
  const route = useApp((s) => s.route);
  const Screen = SCREENS[route];
  const main = useRef<HTMLElement>(null);
  // another screen starts at its top (with the banner), not where the previous one was scrolled to
  useEffect(() => {
    main.current?.scrollTo?.({ top: 0 });
  }, [route]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Rail />
      <main className="main" id="main" tabIndex={-1} ref={main}>
        {route !== 'renewal' && <RenewalBanner />}
        <Screen />
      </main>
      <DropOverlay />
    </div>
  );
}

export function BridgeMissing() {
  const { t } = useTranslation();
  return (
    <main className="main">
      <div className="notice bad" role="alert">
        {t('app.bridgeMissing')}
      </div>
    </main>
  );
}
