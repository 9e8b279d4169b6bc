/**
 * ATR → module choice on real files: a folder holding stand-in module files plays the system library folders,
 * and the machine's real OpenSC install is the fallback.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { inject } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtrHex } from '../../electron/core/card/atr-match';
import { loadAtrTable, type AtrTable } from '../../electron/core/card/atr-table';
import { chooseModuleForCard, modulePaths } from '../../electron/core/card/module-for-card';
import { setLang } from '../../electron/core/i18n/translate';
import { SigilloError } from '../../electron/core/errors';

const INFOCAMERE = parseAtrHex('3BFF1800FF8131FE55006B02090200011101434E531131808E')!;
const ATHENA = parseAtrHex('3BDF18008131FE7D006B020C0182010101434E53103180EC')!;
// a CNS layout with an Athena mask byte (0C) and an OS version no table lists
const UNLISTED_ATHENA_CNS = parseAtrHex('3BDF18008131FE7D006B020C0199010101434E5310318000')!;
const UNLISTED_UNKNOWN_MAKER_CNS = parseAtrHex('3BFF1800008131FE45006B04770100012101434E5310318000')!;
const NOT_A_CNS = parseAtrHex('3B:95:13:81:01:80:73:FF:01:00:0B')!;

function caught(f: () => unknown): SigilloError {
  try {
    f();
  } catch (e) {
    if (e instanceof SigilloError) return e;
    throw e;
  }
  throw new Error('expected a SigilloError');
}

let dir = '';
let table: AtrTable;
beforeAll(() => {
  setLang('en');
  dir = join(inject('fixture').root, 'card-modules');
  mkdirSync(dir, { recursive: true });
  const product = loadAtrTable();
  table = { ...product, searchDirs: { linux: [dir], windows: [dir], darwin: [dir] } };
});

describe('module for a card', () => {
  it('the user override wins, and must exist', () => {
    const mod = join(dir, 'override.so');
    writeFileSync(mod, '');
    const c = chooseModuleForCard({ atr: INFOCAMERE, table, override: mod, platform: 'linux' });
    expect(c).toMatchObject({ modulePath: mod, via: 'override' });
    expect(c.card.known).toBe(true);
    expect(
      caught(() => chooseModuleForCard({ atr: INFOCAMERE, table, override: join(dir, 'nope.so') })).code,
    ).toBe('MODULE_NOT_FOUND');
  });

  it('a known card with nothing installed names the middleware and the ATR', () => {
    const e = caught(() => chooseModuleForCard({ atr: ATHENA, table, platform: 'linux' }));
    expect(e.code).toBe('MODULE_NOT_INSTALLED');
    expect(e.message).toContain('3B:DF:18:00:81:31:FE:7D');
    expect(e.message).toContain('Athena IDProtect');
    expect(e.message).toContain('libASEP11.so');
  });

  it("picks the card's own module when it is installed, per OS", () => {
    writeFileSync(join(dir, 'libbit4ipki.so'), '');
    writeFileSync(join(dir, 'bit4xpki.dll'), '');
    const linux = chooseModuleForCard({ atr: INFOCAMERE, table, platform: 'linux' });
    expect(linux).toMatchObject({ modulePath: join(dir, 'libbit4ipki.so'), via: 'card' });
    expect(linux.card).toMatchObject({ known: true, cns: true, name: 'CNS InfoCamere (Incard, Bit4id)' });
    // Windows paths checked on this Linux machine: the same folder seen with backslashes
    const onThisDisk = (p: string) => existsSync(p.replace(/\\/g, '/'));
    const windows = chooseModuleForCard({ atr: INFOCAMERE, table, platform: 'win32', exists: onThisDisk });
    expect(windows).toMatchObject({ via: 'card' });
    expect(windows.modulePath.endsWith('\\bit4xpki.dll')).toBe(true);
  });

  it('falls back to OpenSC after the card modules', () => {
    writeFileSync(join(dir, 'opensc-pkcs11.so'), '');
    const c = chooseModuleForCard({ atr: ATHENA, table, platform: 'linux' });
    expect(c).toMatchObject({ modulePath: join(dir, 'opensc-pkcs11.so'), via: 'fallback' });
  });

  it('an unlisted CNS gets the likely vendor, then OpenSC', () => {
    writeFileSync(join(dir, 'libASEP11.so'), '');
    const c = chooseModuleForCard({ atr: UNLISTED_ATHENA_CNS, table, platform: 'linux' });
    expect(c).toMatchObject({ modulePath: join(dir, 'libASEP11.so'), via: 'vendor' });
    expect(c.card).toMatchObject({ known: false, cns: true, vendor: 'Athena' });
    const other = chooseModuleForCard({ atr: UNLISTED_UNKNOWN_MAKER_CNS, table, platform: 'linux' });
    expect(other).toMatchObject({ via: 'fallback' });
    expect(other.card.vendor).toBeUndefined();
  });

  it('an unknown non-CNS card is CARD_UNKNOWN with its ATR and what to install', () => {
    const e = caught(() => chooseModuleForCard({ atr: NOT_A_CNS, table, platform: 'linux' }));
    expect(e.code).toBe('CARD_UNKNOWN');
    expect(e.message).toContain('3B:95:13:81:01:80:73:FF:01:00:0B');
    expect(e.message).toMatch(/OpenSC/);
    expect(e.message).toMatch(/modulo|module/i);
    expect(e.message).not.toContain('--'); // no CLI flag in a message the window shows too
  });

  it('an unlisted CNS with nothing installed says who likely made it (Italian too)', () => {
    const empty = { ...table, searchDirs: { linux: [join(dir, 'empty')], windows: [], darwin: [] } };
    setLang('it');
    try {
      const e = caught(() =>
        chooseModuleForCard({ atr: UNLISTED_ATHENA_CNS, table: empty, platform: 'linux' }),
      );
      expect(e.code).toBe('CARD_UNKNOWN');
      expect(e.message).toContain('Carta non riconosciuta');
      expect(e.message).toContain('Athena');
      expect(e.message).toContain('Athena IDProtect Client');
    } finally {
      setLang('en');
    }
  });

  it('the product table finds the real OpenSC of this machine for a CNS', () => {
    const product = loadAtrTable();
    const opensc = modulePaths('opensc-pkcs11.so', 'linux', product, {}).find((p) => existsSync(p));
    expect(opensc, 'OpenSC (Debian package opensc) is installed').toBeDefined();
    const c = chooseModuleForCard({ atr: UNLISTED_UNKNOWN_MAKER_CNS, table: product, platform: 'linux' });
    expect(c.modulePath).toBe(opensc);
  });

  it('expands Windows folders from the environment', () => {
    const product = loadAtrTable();
    const paths = modulePaths('asepkcs.dll', 'windows', product, { windir: 'C:\\Windows' });
    expect(paths[0]).toBe('C:\\Windows\\System32\\asepkcs.dll');
  });
});
