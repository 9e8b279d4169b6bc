/**
 * The layer rules of eslint.config.mjs are the architecture: core/CLI never import electron, renderer/shared never
 * import Node, native modules or Electron. These tests prove the rules fire (so a misconfiguration cannot silently
 * turn them off) and that the tree obeys them.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root, errorOnUnmatchedPattern: false });

async function restrictedImports(code: string, file: string): Promise<number> {
  const [res] = await eslint.lintText(code, { filePath: join(root, file) });
  return (res?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('layer rules', () => {
  it('core may not import electron', async () => {
    expect(
      await restrictedImports(
        "import { app } from 'electron';\nexport const a = app;\n",
        'electron/core/x.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
        'electron/core/x.ts',
      ),
    ).toBe(0);
  });
  it('cli may not import electron', async () => {
    expect(
      await restrictedImports(
        "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n",
        'electron/cli/x.ts',
      ),
    ).toBe(1);
  });
  it('the card worker, the harness and the shell handlers may not import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const file of ['electron/worker/x.ts', 'electron/harness/x.ts', 'electron/shell/handlers/x.ts']) {
      expect(await restrictedImports(code, file)).toBe(1);
    }
    expect(await restrictedImports(code, 'electron/shell/app/x.ts')).toBe(0);
  });
  it('renderer may not import Node built-ins, native modules or electron', async () => {
    for (const mod of ['fs', 'node:fs', 'child_process', 'graphene-pk11', 'pcsclite', 'electron']) {
      expect(
        await restrictedImports(`import * as m from '${mod}';\nexport const x = m;\n`, 'renderer/src/x.tsx'),
      ).toBe(1);
    }
    expect(
      await restrictedImports(
        "import { create } from 'zustand';\nexport const c = create;\n",
        'renderer/src/x.tsx',
      ),
    ).toBe(0);
  });
  it('renderer and shared may not reach into main-process code', async () => {
    expect(
      await restrictedImports(
        "import { x } from '../../electron/core/errors';\nexport const y = x;\n",
        'renderer/src/x.ts',
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        "import { x } from '../electron/core/errors';\nexport const y = x;\n",
        'shared/x.ts',
      ),
    ).toBe(1);
  });
  it('the whole tree passes the layer rules', async () => {
    const results = await eslint.lintFiles(['electron', 'renderer', 'shared'].map((d) => join(root, d)));
    const broken = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(broken).toEqual([]);
  });
});
