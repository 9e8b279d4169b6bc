/**
 * Fuzzing the IPC validators (shared/validate.ts): any method name and any payload give a Result, never a
 * throw, fast; the error text never repeats a value from the payload (it could be a PIN); oversized and
 * deeply nested payloads are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT, INVOKE_METHODS } from '../../shared/contract';
import { validateRequest, validateResponse } from '../../shared/validate';
import { fuzzTimeout, runs } from './fuzz-support';

const MARKER = 'Zq7Secret4242';

/** Payloads that look like requests: objects with the keys requests use, holding anything. */
const requestish = fc.dictionary(
  fc.constantFrom(
    'files',
    'pin',
    'puk',
    'newPin',
    'path',
    'paths',
    'token',
    'certId',
    'format',
    'digest',
    'outDir',
    'overwrite',
    'options',
    'language',
    'module',
    'visible',
    'page',
  ),
  fc.oneof(fc.anything(), fc.constant(MARKER), fc.array(fc.constant(MARKER)), fc.string()),
);

function timed<T>(fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  expect(performance.now() - t0).toBeLessThan(1000);
  return r;
}

describe('fuzz: IPC validators', () => {
  it('any method and payload: a Result, never a throw', { timeout: fuzzTimeout(500) }, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...INVOKE_METHODS), fc.anything()),
        fc.oneof(
          fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }),
          requestish,
        ),
        (method, payload) => {
          const r = timed(() => validateRequest(method, payload));
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error.code).toMatch(/^IPC_/);
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it(
    'error messages never repeat a payload value (a PIN must not leak into logs)',
    { timeout: fuzzTimeout(300) },
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...INVOKE_METHODS), requestish, (method, payload) => {
          const r = validateRequest(method, payload);
          if (!r.ok) expect(JSON.stringify(r.error)).not.toContain(MARKER);
        }),
        { numRuns: runs(300) },
      );
    },
  );

  it('responses: any value gives a Result, never a throw', { timeout: fuzzTimeout(300) }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...INVOKE_METHODS), fc.anything(), (method, value) => {
        const r = timed(() => validateResponse(method, value));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: runs(300) },
    );
  });

  it('oversized and deeply nested payloads are refused quickly', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { files: [deep], options: deep };
    const huge = 'x'.repeat(16 << 20);
    for (const method of INVOKE_METHODS) {
      for (const payload of [
        deep,
        { files: [huge] },
        { files: Array(100_000).fill('/tmp/a') },
        { path: huge },
      ]) {
        const r = timed(() => validateRequest(method, payload));
        if (r.ok) expect(CONTRACT[method].request.safeParse(payload).success).toBe(true);
        else expect(r.error.message.length).toBeLessThan(2000);
      }
    }
  });
});
