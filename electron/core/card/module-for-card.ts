/**
 * ATR → PKCS#11 module: the user's override wins; else the card's own modules from the table (or, for a CNS the
 * table does not know, the likely vendor's), then OpenSC; the first file that exists is chosen. When nothing is
 * installed the error says which card it is, its ATR, and what to install.
 */
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { failure } from '../errors';
import type { AtrTable, CardOs, ModuleNames } from './atr-table';
import { identifyCard, type CardIdentity } from './card-identity';

export interface ModuleChoiceInput {
  atr: Uint8Array;
  table: AtrTable;
  /** --module or the settings' module path */
  override?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
}

export interface ModuleChoice {
  modulePath: string;
  /** override = the user's module; card = the table's module for this ATR; vendor = the likely vendor's; fallback = OpenSC */
  via: 'override' | 'card' | 'vendor' | 'fallback';
  card: CardIdentity;
}

export function cardOs(platform: NodeJS.Platform): CardOs {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'darwin';
  return 'linux';
}

function expandEnv(p: string, env: NodeJS.ProcessEnv): string {
  return p.replace(/%([^%]+)%/g, (whole, name: string) => {
    const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? (env[key] ?? whole) : whole;
  });
}

/** Every path where a module name may live, in search order. */
export function modulePaths(name: string, os: CardOs, table: AtrTable, env: NodeJS.ProcessEnv): string[] {
  const path = os === 'windows' ? win32 : posix;
  const expanded = expandEnv(name, env);
  if (path.isAbsolute(expanded)) return [expanded];
  return table.searchDirs[os].map((dir) => path.join(expandEnv(dir, env), expanded));
}

export function chooseModuleForCard(input: ModuleChoiceInput): ModuleChoice {
  const env = input.env ?? process.env;
  const exists = input.exists ?? existsSync;
  const os = cardOs(input.platform ?? process.platform);
  const { identity, entry, vendorHint } = identifyCard(input.table, input.atr);
  if (input.override) {
    if (!exists(input.override)) {
      throw failure('MODULE_NOT_FOUND:override', { path: input.override });
    }
    return { modulePath: input.override, via: 'override', card: identity };
  }
  const own: ModuleNames | undefined = entry?.modules ?? vendorHint?.modules;
  if (!own && !identity.cns) {
    throw failure('CARD_UNKNOWN', { atr: identity.atr });
  }
  const tries: Array<{ name: string; via: ModuleChoice['via'] }> = [
    ...(own?.[os] ?? []).map((name) => ({ name, via: entry ? ('card' as const) : ('vendor' as const) })),
    ...input.table.fallback.modules[os].map((name) => ({ name, via: 'fallback' as const })),
  ];
  for (const { name, via } of tries) {
    const found = modulePaths(name, os, input.table, env).find((p) => exists(p));
    if (found) return { modulePath: found, via, card: identity };
  }
  const files = (own?.[os] ?? input.table.fallback.modules[os]).join(', ');
  const details = { atr: identity.atr, files };
  if (entry) {
    throw failure(
      'MODULE_NOT_INSTALLED',
      {
        name: entry.name,
        issuer: entry.issuer,
        atr: identity.atr,
        middleware: entry.middleware,
        files,
      },
      details,
    );
  }
  if (vendorHint) {
    const params = { atr: identity.atr, vendor: vendorHint.vendor, middleware: vendorHint.middleware, files };
    throw failure('CARD_UNKNOWN:vendor', params, details);
  }
  throw failure('CARD_UNKNOWN:cns', { atr: identity.atr }, details);
}
