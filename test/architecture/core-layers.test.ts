/**
 * electron/core is layered and acyclic (issue 20 §1): a folder imports only from its own layer or lower ones
 * (core-layers.ts), no folders form an import cycle, and every folder has a layer. The synthetic cases prove each
 * check fires, for every kind of import that makes a dependency.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildFolderGraph, folderCycles, layerViolations, type SourceFile } from './core-graph';
import { CORE_LAYERS } from './core-layers';

const core = join(__dirname, '..', '..', 'electron', 'core');

function coreSources(): SourceFile[] {
  const entries = readdirSync(core, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .map((p) => ({ path: relative(core, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));
}

const synthetic = (files: Record<string, string>): SourceFile[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

describe('core layers', () => {
  it('the tree has no upward import, no folder cycle and no folder without a layer', () => {
    const files = coreSources();
    expect(files.length).toBeGreaterThan(200);
    const graph = buildFolderGraph(files);
    expect(graph.get('verify')?.has('cms')).toBe(true); // the scan sees real edges
    expect(layerViolations(graph, CORE_LAYERS)).toEqual([]);
    expect(folderCycles(graph)).toEqual([]);
  });

  it('every folder of the layer table exists', () => {
    const folders = new Set(
      coreSources().map((f) => (f.path.includes('/') ? f.path.split('/')[0] : '(root)')),
    );
    expect(Object.keys(CORE_LAYERS).filter((f) => !folders.has(f))).toEqual([]);
  });

  it('reports an upward import and the cycle it closes, with the path', () => {
    const graph = buildFolderGraph(
      synthetic({
        'cms/a.ts': "import { v } from '../verify/b.js';\nexport const a = v;\n",
        'verify/b.ts': "import { a } from '../cms/a.js';\nexport const v = 1 + a;\n",
        'verify/c.ts': "import { x } from './d.js';\nexport const c = x;\n",
      }),
    );
    expect(layerViolations(graph, CORE_LAYERS)).toEqual([
      'upward import cms (primitives) → verify (validation): cms/a.ts → ../verify/b.js',
    ]);
    expect(folderCycles(graph)).toEqual([['cms', 'verify', 'cms']]);
  });

  it('finds a cycle inside one layer and through three folders', () => {
    const graph = buildFolderGraph(
      synthetic({
        'pdf/a.ts': "export { b } from '../xades/b.js';\n",
        'xades/b.ts': "import type { C } from '../asic/c.js';\nexport const b = 1 as unknown as C;\n",
        'asic/c.ts': "export type C = number;\nexport const f = () => import('../pdf/a.js');\n",
      }),
    );
    expect(layerViolations(graph, CORE_LAYERS)).toEqual([]);
    expect(folderCycles(graph)).toEqual([['asic', 'pdf', 'xades', 'asic']]);
  });

  it('counts type-only imports, re-exports, dynamic import() and require(), not comments or strings', () => {
    const graph = buildFolderGraph(
      synthetic({
        'x509/t.ts': "import type { T } from '../sign/t.js';\nexport type U = T;\n",
        'cms/r.ts': "export * from '../ltv/r.js';\n",
        'crypto/d.ts': "export const d = () => import('../pdf/d.js');\n",
        'files/q.ts': "const q = require('../report/q.js');\nexport default q;\n",
        'trust/c.ts': "// import { a } from '../sign/a.js';\nexport const s = \"from '../sign/a.js'\";\n",
        'i18n/s.ts': "import '../tsa/s.js';\n",
      }),
    );
    const upward = layerViolations(graph, CORE_LAYERS).map((v) => v.split(':')[0]);
    expect(upward.sort()).toEqual([
      'upward import cms (primitives) → ltv (orchestration)',
      'upward import crypto (primitives) → pdf (formats)',
      'upward import files (primitives) → report (reports)',
      'upward import i18n (base) → tsa (services)',
      'upward import x509 (primitives) → sign (orchestration)',
    ]);
  });

  it('reports a folder missing from the layer table', () => {
    const graph = buildFolderGraph(synthetic({ 'newfolder/a.ts': "import { e } from '../errors.js';\n" }));
    expect(layerViolations(graph, CORE_LAYERS)).toEqual(['folder not in the layer table: newfolder']);
  });
});
