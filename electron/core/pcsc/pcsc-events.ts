/** The typed events of the reader/card layer. Plain JSON: the CLI prints them, the shell forwards them. */
import type { ErrorInfo } from '../errors';
import type { CardIdentity } from '../card/card-identity';
import type { PinStatus } from '../pkcs11/token-types';

/** What PC/SC itself reports (PcscWatcher). */
export type PcscEvent =
  | { type: 'reader-added'; reader: string }
  | { type: 'reader-removed'; reader: string }
  | { type: 'card-inserted'; reader: string; atr: string }
  | { type: 'card-removed'; reader: string }
  /** PCSC_UNAVAILABLE (pcscd not running / stopped), NO_READER, CARD_MUTE, PCSC_ERROR */
  | { type: 'error'; reader?: string; error: ErrorInfo };

/** A certificate as the watcher shows it (no DER). */
export interface CertSummary {
  id: string;
  label: string;
  role: string;
  subject: string;
  notAfter: string;
}

/** A token as the watcher shows it. */
export interface TokenSummary {
  slotId: string;
  label: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  userPin: PinStatus;
  soPin: PinStatus;
  minPinLength: number;
  maxPinLength: number;
  certificates: CertSummary[];
}

/** card-inserted enriched by CardMonitor: which card, which module, its tokens, or what went wrong. */
export interface CardInsertedEvent {
  type: 'card-inserted';
  reader: string;
  atr: string;
  card: CardIdentity;
  /** the PKCS#11 module chosen for it */
  module?: string;
  moduleVia?: 'override' | 'card' | 'vendor' | 'fallback';
  tokens?: TokenSummary[];
  /** CARD_UNKNOWN, MODULE_NOT_INSTALLED, MODULE_LOAD_FAILED… (the card is there but cannot be used yet) */
  error?: ErrorInfo;
}

export type DeviceEvent = Exclude<PcscEvent, { type: 'card-inserted' }> | CardInsertedEvent;

export type Listener<E> = (event: E) => void;

/** A minimal typed event source. */
export class EventSource<E> {
  private readonly listeners = new Set<Listener<E>>();

  on(listener: Listener<E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(event: E): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // a failing listener must not stop the others nor the watcher
      }
    }
  }
}
