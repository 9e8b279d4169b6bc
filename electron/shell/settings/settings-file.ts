/**
 * Settings on disk: `settings.json` in the user data folder, `{version, settings}`, validated with the shared
 * zod schema, migrated from older versions, written atomically (temp file in the same folder + rename).
 * Unreadable or invalid files fall back to defaults (the broken file is kept aside as settings.json.bad).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsSchema,
  type Settings,
} from '../../../shared/schemas/settings';
import { migrateSettings } from './settings-migrations';

export const SETTINGS_FILE = 'settings.json';

export function settingsPath(dir: string): string {
  return join(dir, SETTINGS_FILE);
}

export function readSettingsFile(dir: string): Settings {
  const file = settingsPath(dir);
  if (!existsSync(file)) return structuredClone(DEFAULT_SETTINGS);
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = SettingsSchema.safeParse(migrateSettings(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: unreadable JSON
  }
  renameSync(file, `${file}.bad`);
  return structuredClone(DEFAULT_SETTINGS);
}

export function writeSettingsFile(dir: string, settings: Settings): void {
  const valid = SettingsSchema.parse(settings);
  mkdirSync(dir, { recursive: true });
  const file = settingsPath(dir);
  const tmp = join(dir, `.${SETTINGS_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, JSON.stringify({ version: SETTINGS_VERSION, settings: valid }, null, 2) + '\n', {
    mode: 0o600,
  });
  renameSync(tmp, file);
}
