/**
 * The files of a folder given to `sigillo verify` (electron/cli/commands/verify-inputs.ts): each path is the
 * folder normalised once plus the name, the same string `path.join(folder, name)` gives, for every way of writing
 * the folder; and the folder walk keeps the signature files only, sorted, no hidden ones.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { expandInputs, inFolder } from '../../electron/cli/commands/verify-inputs';

const fx = inject('fixture');

describe('verify inputs', () => {
  it('a name in a folder: the string path.join gives, however the folder is written', () => {
    const names = ['a.p7m', 'B c.PDF', 'x.xml.p7m.p7m', 'àè.p7s', 'a\\b.p7m'];
    const dirs = [
      '.',
      './',
      '',
      '/',
      'dir',
      'dir/',
      'dir//sub/',
      './dir/../other',
      '/tmp/x/./y/',
      '../up',
      'a/b/..',
    ];
    for (const d of dirs) expect(inFolder(d, names)).toEqual(names.map((n) => join(d, n)));
  });

  it('a folder: its signature files, sorted, without hidden ones or sub-folders', async () => {
    const dir = mkdtempSync(join(fx.root, 'verify-inputs-'));
    for (const n of ['b.p7m', 'a.pdf', 'c.P7S', 'd.txt', '.hidden.p7m', 'e.pkcs7', 'f.p7']) {
      writeFileSync(join(dir, n), 'x');
    }
    mkdirSync(join(dir, 'sub.p7m'));
    const rel = relative(process.cwd(), dir);
    const expected = ['a.pdf', 'b.p7m', 'c.P7S', 'e.pkcs7', 'f.p7'];
    expect(await expandInputs([`${rel}/`])).toEqual(expected.map((n) => join(`${rel}/`, n)));
    expect(await expandInputs([dir, join(dir, 'd.txt')])).toEqual([
      ...expected.map((n) => join(dir, n)),
      join(dir, 'd.txt'),
    ]);
  });
});
