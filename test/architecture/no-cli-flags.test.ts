/**
 * The core's messages reach the window too, so they name no CLI option ("--overwrite", "--module"…): the core says
 * the fact, the CLI adds the option (electron/cli/error-hints.ts). This scans every it/en message of the core and
 * the shell, and proves the scan fires.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const FLAG = /(?:^|[\s'"(«])--[a-z][a-z-]+/;
const MESSAGE_LINE = /^\s*(?:it|en):\s*['"`]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** message lines (`it: '…'`, `en: '…'`) that name a CLI option */
function flagMessages(text: string): string[] {
  return text.split('\n').filter((l) => MESSAGE_LINE.test(l) && FLAG.test(l.replace(MESSAGE_LINE, ' ')));
}

describe('no CLI option in the messages the window shows', () => {
  it('the scan finds an option in a message, and not in a plain one', () => {
    expect(flagMessages("  en: 'Use --overwrite to replace it.',")).toHaveLength(1);
    expect(flagMessages("  it: '--visible vuole PAGINA,X,Y',")).toHaveLength(1);
    expect(flagMessages("  en: 'The file already exists — not replaced.',")).toHaveLength(0);
  });

  it('electron/core and electron/shell messages name none', () => {
    const found = ['electron/core', 'electron/shell']
      .flatMap((d) => files(join(ROOT, d)))
      // the PDF visible-signature spec is the CLI's own syntax (the window draws the box instead)
      .filter((f) => !f.endsWith('visible-spec.ts'))
      .flatMap((f) => flagMessages(readFileSync(f, 'utf8')).map((l) => `${relative(ROOT, f)}: ${l.trim()}`));
    expect(found).toEqual([]);
  });
});
