/**
 * The TSA password, encrypted with Electron safeStorage (OS keychain / libsecret / DPAPI) in a file in the user
 * data folder. When the OS offers no encryption the password is kept in memory only for this run.
 */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../settings/settings-store';

export class SafeSecretStore implements SecretStore {
  private memory: string | null = null;
  private readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, 'tsa-password.bin');
  }

  has(): boolean {
    return this.memory !== null || existsSync(this.file);
  }

  get(): string | null {
    if (this.memory !== null) return this.memory;
    if (!existsSync(this.file) || !safeStorage.isEncryptionAvailable()) return null;
    try {
      return safeStorage.decryptString(readFileSync(this.file));
    } catch {
      return null;
    }
  }

  set(value: string | null): void {
    this.memory = null;
    if (value === null) {
      rmSync(this.file, { force: true });
      return;
    }
    if (!safeStorage.isEncryptionAvailable()) {
      this.memory = value;
      return;
    }
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, safeStorage.encryptString(value), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
