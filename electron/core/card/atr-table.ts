/**
 * The ATR table (atr-table.json next to this file): which PKCS#11 module drives which card. Loaded and checked
 * once; tests inject their own path or extra entries (the virtual card's ATR never ships in the product table).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SigilloError, failure } from '../errors';
import { parsePattern, type AtrPattern } from './atr-match';

export type CardOs = 'linux' | 'windows' | 'darwin';
export const CARD_OSES: readonly CardOs[] = ['linux', 'windows', 'darwin'];

const modulesSchema = z.object({
  linux: z.array(z.string().min(1)).min(1),
  windows: z.array(z.string().min(1)).min(1),
  darwin: z.array(z.string().min(1)).min(1),
});

const cardSchema = z.object({
  atr: z.string(),
  mask: z.string().optional(),
  name: z.string().min(1),
  issuer: z.string().min(1),
  middleware: z.string().min(1),
  modules: modulesSchema,
  source: z.string().min(1),
});

const vendorSchema = z.object({
  vendor: z.string().min(1),
  middleware: z.string().min(1),
  modules: modulesSchema,
  source: z.string().min(1),
});

const tableSchema = z.object({
  version: z.literal(1),
  searchDirs: z.object({
    linux: z.array(z.string()),
    windows: z.array(z.string()),
    darwin: z.array(z.string()),
  }),
  fallback: z.object({
    name: z.string(),
    middleware: z.string(),
    modules: modulesSchema,
    source: z.string().min(1),
  }),
  cnsMaskManufacturers: z.record(z.string().regex(/^[0-9A-F]{2}$/), vendorSchema),
  cards: z.array(cardSchema),
});

export type ModuleNames = z.infer<typeof modulesSchema>;
export type CardEntryData = z.infer<typeof cardSchema>;
export type VendorHint = z.infer<typeof vendorSchema>;
export type AtrTableData = z.infer<typeof tableSchema>;

/** A table entry with its parsed ATR pattern. */
export interface CardEntry extends CardEntryData {
  pattern: AtrPattern;
}

export interface AtrTable extends Omit<AtrTableData, 'cards'> {
  cards: CardEntry[];
}

export const DEFAULT_ATR_TABLE_PATH = join(__dirname, 'atr-table.json');

function badTable(path: string, why: string): SigilloError {
  return failure('ATR_TABLE_INVALID', { path, why });
}

function withPattern(path: string, c: CardEntryData): CardEntry {
  const pattern = parsePattern(c.atr, c.mask);
  if (!pattern) throw badTable(path, `ATR/mask ${c.atr} / ${c.mask ?? ''}`);
  return { ...c, pattern };
}

export interface LoadTableOptions {
  /** another table file (tests) */
  path?: string;
  /** entries checked before the table's own (tests: the virtual card) */
  extraCards?: CardEntryData[];
}

/** Reads and checks the table; throws ATR_TABLE_INVALID when the file is malformed. */
export function loadAtrTable(opts: LoadTableOptions = {}): AtrTable {
  const path = opts.path ?? DEFAULT_ATR_TABLE_PATH;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw badTable(path, (e as Error).message);
  }
  const parsed = tableSchema.safeParse(raw);
  if (!parsed.success) throw badTable(path, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  const extra = (opts.extraCards ?? []).map((c) => withPattern('extraCards', cardSchema.parse(c)));
  return { ...parsed.data, cards: [...extra, ...parsed.data.cards.map((c) => withPattern(path, c))] };
}
