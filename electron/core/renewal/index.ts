/** Renewal rules (issue 9): per-certificate and per-device status, CA and URLs, reminder scheduler and store. */
export { detectCa, renewalUrls, RENEWAL_SITES, type CaId, type RenewalUrls } from './ca-directory';
export { evaluateRenewal, renewalStatus, RENEWAL_WINDOW_DAYS } from './renewal-rules';
export { deviceRenewal } from './device-renewal';
export type * from './renewal-types';
export {
  romeDate,
  addDays,
  daysBetween,
  isCivilDate,
  formatCivilDate,
  type CivilDate,
} from './rome-calendar';
export { tokenRenewal, knownDeviceContext, type TokenRenewal, type TokenLike } from './token-renewal';
export { ReminderScheduler, MemoryReminderStore, type Clock } from './reminder-scheduler';
export { JsonFileReminderStore, defaultRemindersPath, REMINDERS_FILE } from './reminder-file-store';
export { REMINDER_THRESHOLDS, emptyReminderData } from './reminder-types';
export type {
  Reminder,
  ReminderData,
  ReminderSettings,
  ReminderStore,
  RememberedCertificate,
} from './reminder-types';
