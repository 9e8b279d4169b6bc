/**
 * Brings an on-disk settings document of any known version to the current settings object.
 * Version 0 (the 0.0.x previews) was a flat object without `version`: {lang, format, tsaUrl, module}.
 */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../shared/schemas/settings';

type Doc = Record<string, unknown>;

function isDoc(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromV0(old: Doc): unknown {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  if (old.lang === 'it' || old.lang === 'en') s.language = old.lang;
  if (old.format === 'cades' || old.format === 'pades' || old.format === 'auto') s.defaultFormat = old.format;
  if (typeof old.tsaUrl === 'string' && old.tsaUrl) s.timestamp = { ...s.timestamp, url: old.tsaUrl };
  if (typeof old.module === 'string' && old.module) s.pkcs11Module = old.module;
  return s;
}

/** Returns the current-version settings object (still to be validated), or undefined when unknown. */
export function migrateSettings(raw: unknown): unknown {
  if (!isDoc(raw)) return undefined;
  if (raw.version === undefined) return fromV0(raw);
  if (raw.version === SETTINGS_VERSION) {
    // fill fields added after the file was written
    return isDoc(raw.settings) ? { ...structuredClone(DEFAULT_SETTINGS), ...raw.settings } : undefined;
  }
  return undefined;
}
