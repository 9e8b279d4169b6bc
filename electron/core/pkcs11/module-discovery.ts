/**
 * Which PKCS#11 module to load: the explicit --module path, else env SIGILLO_PKCS11_MODULE, else the first
 * built-in CNS middleware location that exists.
 */
import { existsSync, statSync } from 'node:fs';
import { SigilloError } from '../errors';
import { t } from '../i18n/translate';
import { builtinModuleLocations } from './module-locations';

export const MODULE_ENV = 'SIGILLO_PKCS11_MODULE';

export interface ModuleQuery {
  /** --module PATH */
  module?: string;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  /** overrides the built-in list (tests, ATR-driven choice) */
  candidates?: string[];
}

const NOT_FOUND = {
  it: 'Nessun modulo PKCS#11 (middleware della CNS) trovato. Percorsi provati:\n{paths}\nInstallare il software della carta (ad es. il pacchetto opensc) oppure indicare il percorso del modulo PKCS#11.',
  en: 'No PKCS#11 module (CNS middleware) found. Paths tried:\n{paths}\nInstall the card software (e.g. the opensc package) or give the path of the PKCS#11 module.',
};

const EXPLICIT_MISSING = {
  it: 'Il modulo PKCS#11 indicato non esiste o non è un file: {path}',
  en: 'The PKCS#11 module given does not exist or is not a file: {path}',
};
const ENV_MISSING = {
  it: 'Il modulo PKCS#11 indicato ({source}) non esiste o non è un file: {path}',
  en: 'The PKCS#11 module given ({source}) does not exist or is not a file: {path}',
};

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findPkcs11Module(q: ModuleQuery = {}): string {
  const env = q.env ?? process.env;
  const explicit: [string | undefined, string | null][] = [
    [q.module, null],
    [env[MODULE_ENV], MODULE_ENV],
  ];
  for (const [path, source] of explicit) {
    if (path === undefined || path === '') continue;
    if (isFile(path)) return path;
    const message = source ? t(ENV_MISSING, { source, path }) : t(EXPLICIT_MISSING, { path });
    throw new SigilloError('MODULE_NOT_FOUND', message, { tried: [path] });
  }
  const tried = q.candidates ?? builtinModuleLocations(q.platform ?? process.platform, env);
  const found = tried.find(isFile);
  if (found) return found;
  throw new SigilloError('MODULE_NOT_FOUND', t(NOT_FOUND, { paths: tried.map((p) => `  ${p}`).join('\n') }), {
    tried,
  });
}
