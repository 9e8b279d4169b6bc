/** Entry: i18n, wait for the bridge, load the session, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/screens.css';
import { setupI18n } from './i18n/setup';
import { waitForBridge } from './bridge';
import { startSession } from './state/session';
import { App, BridgeMissing } from './App';

async function boot(): Promise<void> {
  setupI18n();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  if (import.meta.env.MODE === 'harness') {
    // harness builds only: window.sigillo over the loopback WebSocket (the preload does it in Electron)
    const { installHarnessBridge } = await import('./bridge/harness-bridge');
    installHarnessBridge();
  }
  const sigillo = await waitForBridge();
  if (!sigillo) {
    root.render(<BridgeMissing />);
    return;
  }
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await startSession(sigillo);
}

void boot();
