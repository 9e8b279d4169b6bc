/** Renders the whole app over a fake bridge, in Italian unless asked, with a fresh store. */
import { act, configure, render } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import { setupI18n, type UiLang } from '../../../renderer/src/i18n/setup';
import { startSession } from '../../../renderer/src/state/session';
import { useApp, type Route } from '../../../renderer/src/state/store';
import { useReminders } from '../../../renderer/src/state/reminders';
import { fakeBridge, type FakeBridge, type Handlers } from './fake-bridge';

// the machine is shared: give async UI updates more than the default second
configure({ asyncUtilTimeout: 5000 });

const initialApp = useApp.getState();
const initialReminders = useReminders.getState();

export async function renderApp(
  handlers: Handlers = {},
  o: { route?: Route; lang?: UiLang; signFiles?: string[]; verifyFiles?: string[] } = {},
): Promise<FakeBridge & { unmount(): void }> {
  useApp.setState(initialApp, true);
  useReminders.setState(initialReminders, true);
  const bridge = fakeBridge(handlers);
  window.sigillo = bridge.api;
  setupI18n(o.lang ?? 'it');
  if (o.signFiles) useApp.getState().setSignFiles(o.signFiles);
  if (o.verifyFiles) useApp.getState().setVerifyFiles(o.verifyFiles);
  if (o.route) useApp.getState().navigate(o.route);
  const view = render(<App />);
  await act(async () => {
    await startSession(bridge.api);
  });
  return { ...bridge, unmount: view.unmount };
}
