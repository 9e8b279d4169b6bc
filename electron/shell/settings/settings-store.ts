/** Settings in memory + on disk, with a write-only TSA password kept by a SecretStore (OS keychain in Electron). */
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';
import { readSettingsFile, writeSettingsFile } from './settings-file';

/** Electron: safeStorage-encrypted file (shell/electron/safe-secret-store.ts); harness/tests: memory. */
export interface SecretStore {
  has(): boolean;
  get(): string | null;
  set(value: string | null): void;
}

export class MemorySecretStore implements SecretStore {
  private value: string | null = null;
  has(): boolean {
    return this.value !== null;
  }
  get(): string | null {
    return this.value;
  }
  set(value: string | null): void {
    this.value = value;
  }
}

export class SettingsStore {
  private current: Settings;

  constructor(
    private readonly dir: string,
    private readonly secret: SecretStore,
  ) {
    this.current = readSettingsFile(dir);
  }

  get(): Settings {
    const s = structuredClone(this.current);
    s.timestamp.hasPassword = this.secret.has();
    return s;
  }

  tsaPassword(): string | null {
    return this.secret.get();
  }

  update(patch: SettingsPatch): Settings {
    const next = structuredClone(this.current);
    if (patch.language !== undefined) next.language = patch.language;
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.defaultFormat !== undefined) next.defaultFormat = patch.defaultFormat;
    if (patch.digest !== undefined) next.digest = patch.digest;
    if (patch.outputDir !== undefined) next.outputDir = patch.outputDir;
    if (patch.nestSignatures !== undefined) next.nestSignatures = patch.nestSignatures;
    if (patch.pkcs11Module !== undefined) next.pkcs11Module = patch.pkcs11Module;
    if (patch.trustFiles !== undefined) next.trustFiles = patch.trustFiles;
    const ts = patch.timestamp;
    if (ts) {
      if (ts.enabled !== undefined) next.timestamp.enabled = ts.enabled;
      if (ts.url !== undefined) next.timestamp.url = ts.url;
      if (ts.username !== undefined) next.timestamp.username = ts.username;
      if (ts.password !== undefined) this.secret.set(ts.password === '' ? null : ts.password);
    }
    next.timestamp.hasPassword = false; // never persisted: derived from the secret store
    writeSettingsFile(this.dir, next);
    this.current = next;
    return this.get();
  }
}
