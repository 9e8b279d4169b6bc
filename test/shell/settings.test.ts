/** Settings persistence: validated, versioned + migrated, atomic, the TSA password never on disk. */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemorySecretStore, SettingsStore } from '../../electron/shell/settings/settings-store';
import { settingsPath } from '../../electron/shell/settings/settings-file';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../shared/schemas/settings';

const fx = inject('fixture');

function freshDir(): string {
  mkdirSync(join(fx.root, 'settings-tests'), { recursive: true });
  return mkdtempSync(join(fx.root, 'settings-tests', 's-'));
}

describe('settings store', () => {
  it('starts from defaults, persists changes and reads them back in a new store', () => {
    const dir = freshDir();
    const a = new SettingsStore(dir, new MemorySecretStore());
    expect(a.get()).toEqual(DEFAULT_SETTINGS);
    a.update({
      language: 'en',
      defaultFormat: 'pades',
      outputDir: '/home/u/Firmati',
      timestamp: { url: 'https://tsa.example/tsa' },
    });
    const onDisk = JSON.parse(readFileSync(settingsPath(dir), 'utf8')) as {
      version: number;
      settings: unknown;
    };
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    const b = new SettingsStore(dir, new MemorySecretStore());
    expect(b.get().language).toBe('en');
    expect(b.get().defaultFormat).toBe('pades');
    expect(b.get().outputDir).toBe('/home/u/Firmati');
    expect(b.get().timestamp.url).toBe('https://tsa.example/tsa');
    // atomic writes leave no temp files behind
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the TSA password in the secret store only: hasPassword true, never written to settings.json', () => {
    const dir = freshDir();
    const secret = new MemorySecretStore();
    const s = new SettingsStore(dir, secret);
    const view = s.update({ timestamp: { username: 'mario', password: 'S3cr3t-TSA-pw' } });
    expect(view.timestamp.hasPassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain('S3cr3t-TSA-pw');
    expect(readFileSync(settingsPath(dir), 'utf8')).not.toContain('S3cr3t-TSA-pw');
    expect(s.tsaPassword()).toBe('S3cr3t-TSA-pw');
    expect(s.update({ timestamp: { password: null } }).timestamp.hasPassword).toBe(false);
    expect(s.tsaPassword()).toBeNull();
  });

  it('migrates a version-0 file (flat, no version) to the current version', () => {
    const dir = freshDir();
    writeFileSync(
      settingsPath(dir),
      JSON.stringify({
        lang: 'en',
        format: 'cades',
        tsaUrl: 'https://tsa.example/',
        module: '/usr/lib/x.so',
      }),
    );
    const s = new SettingsStore(dir, new MemorySecretStore()).get();
    expect(s.language).toBe('en');
    expect(s.defaultFormat).toBe('cades');
    expect(s.timestamp.url).toBe('https://tsa.example/');
    expect(s.pkcs11Module).toBe('/usr/lib/x.so');
    expect(s.theme).toBe(DEFAULT_SETTINGS.theme);
  });

  it('fills fields added later into a current-version file', () => {
    const dir = freshDir();
    const { trustFiles: _dropped, ...older } = DEFAULT_SETTINGS;
    writeFileSync(
      settingsPath(dir),
      JSON.stringify({ version: SETTINGS_VERSION, settings: { ...older, theme: 'dark' } }),
    );
    const s = new SettingsStore(dir, new MemorySecretStore()).get();
    expect(s.theme).toBe('dark');
    expect(s.trustFiles).toEqual([]);
  });

  it('sets a corrupt or hostile file aside and starts from defaults', () => {
    for (const content of [
      '{not json',
      JSON.stringify({ version: 1, settings: { ...DEFAULT_SETTINGS, outputDir: '../../etc' } }),
      JSON.stringify({ version: 1, settings: { ...DEFAULT_SETTINGS, language: 'xx' } }),
      JSON.stringify({ version: 99, settings: {} }),
      JSON.stringify([1, 2, 3]),
    ]) {
      const dir = freshDir();
      writeFileSync(settingsPath(dir), content);
      const s = new SettingsStore(dir, new MemorySecretStore());
      expect(s.get()).toEqual(DEFAULT_SETTINGS);
      expect(existsSync(`${settingsPath(dir)}.bad`)).toBe(true);
    }
  });
});
