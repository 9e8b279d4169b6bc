/** Expiry reminders from the main process (remembered certificates, even when the card is not inserted). */
import { create } from 'zustand';
import { romeDate } from '../../../shared/format/rome-calendar';
import type { Reminder, RenewalStatusResponse } from '../../../shared/schemas/renewal';

export interface RemindersState {
  enabled: boolean;
  /** YYYY-MM-DD (Europe/Rome) or null */
  snoozedUntil: string | null;
  pending: Reminder[];
  setStatus(s: RenewalStatusResponse): void;
  setPending(pending: Reminder[]): void;
  setEnabled(enabled: boolean): void;
  setSnoozedUntil(date: string | null): void;
}

export const useReminders = create<RemindersState>()((set) => ({
  enabled: true,
  snoozedUntil: null,
  pending: [],
  setStatus: (s) => set({ enabled: s.enabled, snoozedUntil: s.snoozedUntil, pending: s.pending }),
  setPending: (pending) => set({ pending }),
  setEnabled: (enabled) => set({ enabled }),
  setSnoozedUntil: (snoozedUntil) => set({ snoozedUntil }),
}));

/** Today as YYYY-MM-DD in Europe/Rome (the reminder store's calendar). */
export function romeToday(now: Date = new Date()): string {
  return romeDate(now);
}

/** Whether banners may show now: reminders on and not snoozed past today. */
export function remindersActive(
  s: Pick<RemindersState, 'enabled' | 'snoozedUntil'>,
  now: Date = new Date(),
): boolean {
  return s.enabled && (s.snoozedUntil === null || s.snoozedUntil < romeToday(now));
}
