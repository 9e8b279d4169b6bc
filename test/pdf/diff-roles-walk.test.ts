/**
 * The signed-roles walk (diff/roles.ts) kept exact after it was made cheaper (issue 22): one role per kind and
 * field name even when thousands of fields share one object (the list switches to a key set), the order in which
 * roles were first met, and the walk cap counting every value met, names and strings included.
 */
import { describe, expect, it } from 'vitest';
import { BufferSource } from '../../electron/core/pdf/file-source';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { signedRoles } from '../../electron/core/pdf/diff/roles';
import { tablePdf, type HostileObject } from './support/hostile-pdf';

function open(objects: HostileObject[]): PdfReader {
  return PdfReader.fromSource(new BufferSource(tablePdf(objects)));
}

/** a form of `n` fields, each with its own name, all sharing one appearance stream (object 5) */
function sharedAppearance(n: number): HostileObject[] {
  const first = 10;
  const fields = Array.from({ length: n }, (_, i) => `${first + i} 0 R`).join(' ');
  const objects: HostileObject[] = [
    { num: 1, body: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [' + fields + '] >> >>' },
    { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { num: 3, body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>' },
    { num: 5, body: '<< /Length 0 >>\nstream\n\nendstream' },
  ];
  for (let i = 0; i < n; i++) {
    objects.push({ num: first + i, body: `<< /FT /Tx /T (f${i}) /AP << /N 5 0 R >> /V (x) >>` });
  }
  return objects;
}

describe('signed roles walk', () => {
  it('records one role per field name on an object shared by many fields, in the order met', () => {
    const n = 40;
    const r = open(sharedAppearance(n));
    const walk = signedRoles(r.latest, r.trailer, new Map([[3, 1]]));
    expect(walk.truncated).toBe(false);
    const shared = walk.roles.get(5)!;
    // one appearance role per field, never twice (past 16 the list is checked through a key set)
    expect(shared.map((x) => `${x.kind}:${x.field}`)).toEqual(
      // the walk is depth-first from the end of /Fields: the last field is met first
      Array.from({ length: n }, (_, i) => `appearance:f${n - 1 - i}`),
    );
    expect(walk.roles.get(3)).toEqual([{ kind: 'page', page: 1 }]);
    expect(walk.roles.get(1)).toEqual([{ kind: 'catalog' }]);
  });

  it('counts every value met towards the cap, names and strings too, and only stops beyond it', () => {
    const r = open(sharedAppearance(3));
    const sizes: boolean[] = [];
    let exact = 0;
    for (let cap = 1; cap < 200; cap++) {
      const t = signedRoles(r.latest, r.trailer, new Map([[3, 1]]), cap).truncated;
      sizes.push(t);
      if (!t && exact === 0) exact = cap;
    }
    // truncated below some count, complete from it on: the count is every value of the walk (refs, arrays,
    // dictionaries, names, strings — not numbers): catalog 1 + … counted by hand below
    expect(exact).toBeGreaterThan(0);
    expect(sizes.slice(0, exact - 1).every((t) => t)).toBe(true);
    expect(sizes.slice(exact - 1).every((t) => !t)).toBe(true);
    // trailer: /Root ref (1). catalog: /Type name, /Pages ref, /AcroForm dict (3). pages: /Type, /Kids array
    // (2) + kid ref (1). page: /Type, /Parent (not walked), /MediaBox array (2). acroform: /Fields array (1)
    // + 3 refs (3). each field: /FT, /T, /AP dict, /V (4) + /N ref (1) = 5 × 3 = 15. appearance: nothing
    // (only /Length, a number) = 1 + 3 + 3 + 2 + 4 + 15 = 28
    expect(exact).toBe(28);
  });
});
