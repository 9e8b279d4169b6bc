/** Per-user folders Sigillo keeps its own data in (reminders, caches, settings). Plain Node, no electron. */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_FOLDER = 'Sigillo';

/**
 * The user data folder: SIGILLO_DATA_DIR when set, else the OS convention (the same folder Electron's
 * app.getPath('userData') uses for an app named Sigillo):
 * Linux $XDG_CONFIG_HOME/Sigillo (default ~/.config/Sigillo), macOS ~/Library/Application Support/Sigillo,
 * Windows %APPDATA%\Sigillo (default ~\AppData\Roaming\Sigillo).
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.SIGILLO_DATA_DIR;
  if (override) return override;
  if (platform === 'win32')
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  const xdg = env.XDG_CONFIG_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), APP_FOLDER);
}
