/** The generator of each class (FUZZ_CLASS=cms|pdf|xml|zip|files); see hostile-files.test.ts. */
import { cmsGenerator } from './cms';
import { filesGenerator } from './files';
import { pdfGenerator } from './pdf';
import type { Generator } from './types';
import { xmlGenerator } from './xml';
import { zipGenerator } from './zip';

export const GENERATORS: Record<string, Generator> = {
  cms: cmsGenerator,
  pdf: pdfGenerator,
  xml: xmlGenerator,
  zip: zipGenerator,
  files: filesGenerator,
};

export { prng, type HostileCase } from './types';
