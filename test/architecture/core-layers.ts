/**
 * The layers of electron/core, bottom to top — the one place they are written down (issue 20 §1). A folder may
 * import from its own layer and the layers below it, never from above; core-layers.test.ts checks the tree, and
 * also that no folders form a cycle (not even inside one layer).
 */
export const LAYERS = [
  'base',
  'primitives',
  'services',
  'validation',
  'formats',
  'orchestration',
  'reports',
] as const;
export type Layer = (typeof LAYERS)[number];

/** `(root)` = the files directly in electron/core (errors.ts, paths.ts). */
export const CORE_LAYERS: Readonly<Record<string, Layer>> = {
  '(root)': 'base',
  i18n: 'base',
  cms: 'primitives',
  x509: 'primitives',
  crypto: 'primitives',
  files: 'primitives',
  xml: 'primitives',
  fatturapa: 'primitives',
  trust: 'services',
  revocation: 'services',
  tsa: 'services',
  tsl: 'services',
  card: 'services',
  pcsc: 'services',
  pkcs11: 'services',
  renewal: 'services',
  verify: 'validation',
  pdf: 'formats',
  xades: 'formats',
  asic: 'formats',
  timestamp: 'formats',
  sign: 'orchestration',
  validate: 'orchestration',
  ltv: 'orchestration',
  open: 'orchestration',
  report: 'reports',
};
