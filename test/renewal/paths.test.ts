import { describe, expect, it } from 'vitest';
import { userDataDir } from '../../electron/core/paths';

describe('user data folder', () => {
  it('SIGILLO_DATA_DIR wins everywhere', () => {
    expect(userDataDir({ SIGILLO_DATA_DIR: '/tmp/s' }, 'win32', 'C:\\Users\\m')).toBe('/tmp/s');
  });
  it('Linux: $XDG_CONFIG_HOME/Sigillo, else ~/.config/Sigillo (relative XDG ignored)', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/m')).toBe('/x/cfg/Sigillo');
    expect(userDataDir({}, 'linux', '/home/m')).toBe('/home/m/.config/Sigillo');
    expect(userDataDir({ XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/m')).toBe('/home/m/.config/Sigillo');
  });
  it('macOS: ~/Library/Application Support/Sigillo', () => {
    expect(userDataDir({}, 'darwin', '/Users/m')).toBe('/Users/m/Library/Application Support/Sigillo');
  });
  it('Windows: %APPDATA%\\Sigillo', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\m\\AppData\\Roaming' }, 'win32', 'C:\\Users\\m')).toBe(
      'C:\\Users\\m\\AppData\\Roaming\\Sigillo',
    );
    expect(userDataDir({}, 'win32', 'C:\\Users\\m')).toBe('C:\\Users\\m\\AppData\\Roaming\\Sigillo');
  });
});
