/** What we know about a card from its ATR: a table entry, else the CNS heuristic and the likely vendor. */
import { formatAtr, matchesPattern } from './atr-match';
import type { AtrTable, CardEntry, VendorHint } from './atr-table';
import { guessCns } from './cns-heuristic';

export interface CardIdentity {
  /** canonical ATR, "3B:FF:18:…" */
  atr: string;
  /** the table knows this ATR */
  known: boolean;
  name?: string;
  issuer?: string;
  /** the product to install for this card */
  middleware?: string;
  /** looks like a CNS ("CNS" in the historical bytes) */
  cns: boolean;
  /** likely maker, from the CNS mask-manufacturer byte, when the card is not in the table */
  vendor?: string;
}

export interface IdentifiedCard {
  identity: CardIdentity;
  entry?: CardEntry;
  vendorHint?: VendorHint;
}

function hexByte(n: number): string {
  return n.toString(16).padStart(2, '0').toUpperCase();
}

export function identifyCard(table: AtrTable, atr: Uint8Array): IdentifiedCard {
  const text = formatAtr(atr);
  const guess = guessCns(atr);
  const entry = table.cards.find((c) => matchesPattern(atr, c.pattern));
  if (entry) {
    return {
      entry,
      identity: {
        atr: text,
        known: true,
        name: entry.name,
        issuer: entry.issuer,
        middleware: entry.middleware,
        cns: guess.cns,
      },
    };
  }
  const vendorHint =
    guess.maskManufacturer === undefined
      ? undefined
      : table.cnsMaskManufacturers[hexByte(guess.maskManufacturer)];
  const identity: CardIdentity = { atr: text, known: false, cns: guess.cns };
  if (vendorHint) {
    identity.vendor = vendorHint.vendor;
    identity.middleware = vendorHint.middleware;
  }
  return vendorHint ? { identity, vendorHint } : { identity };
}
