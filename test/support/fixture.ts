/** The shared fixture built once per test run by global-setup.ts and handed to tests with inject('fixture'). */
import type { TestPki } from './pki';

export const PIN = '12345678';
export const SO_PIN = '87654321';

export interface Fixture {
  root: string;
  pki: TestPki;
  module: string;
  /** a store holding a single CNS-like token (default selection) */
  singleConf: string;
  /** a store holding several tokens: CNS-ROSSI, CNS-EC, CNS-EXPIRING, CNS-EXPIRED */
  multiConf: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixture: Fixture;
  }
}
