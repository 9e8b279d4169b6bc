/**
 * User settings (persisted by the shell in the user data folder, versioned). TSA password is write-only.
 * Reminder on/off and snooze live with the reminder scheduler (renewalStatus / setReminders / snoozeReminder).
 */
import { z } from 'zod';
import { AbsolutePathSchema, DigestSchema, TextSchema } from './common';
import { SignFormatSchema } from './sign';

export const SETTINGS_VERSION = 1;

export const HttpsUrlSchema = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s]+$/, 'http(s) URL expected');

/** What the page sees and edits (no secrets). */
export const SettingsSchema = z.strictObject({
  language: z.enum(['auto', 'it', 'en']),
  theme: z.enum(['system', 'light', 'dark']),
  defaultFormat: SignFormatSchema,
  digest: DigestSchema,
  /** null: write outputs beside the inputs */
  outputDir: AbsolutePathSchema.nullable(),
  /** sign: add a parallel signature (false) or nest (true) when the input is already a p7m */
  nestSignatures: z.boolean(),
  timestamp: z.strictObject({
    enabled: z.boolean(),
    url: HttpsUrlSchema.nullable(),
    username: TextSchema.nullable(),
    /** whether a password is stored in the OS keychain (the password itself never crosses) */
    hasPassword: z.boolean(),
  }),
  /** PKCS#11 module override; null: automatic */
  pkcs11Module: AbsolutePathSchema.nullable(),
  /** extra trust anchors for verification (PEM/DER files), like `sigillo verify --trust` */
  trustFiles: z.array(AbsolutePathSchema).max(50),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  theme: 'system',
  defaultFormat: 'auto',
  digest: 'sha256',
  outputDir: null,
  nestSignatures: false,
  timestamp: { enabled: false, url: null, username: null, hasPassword: false },
  pkcs11Module: null,
  trustFiles: [],
};

/** A partial update; `timestamp.password` (write-only, null = delete) goes to the OS keychain, never to disk. */
export const SettingsPatchSchema = z.strictObject({
  language: SettingsSchema.shape.language.optional(),
  theme: SettingsSchema.shape.theme.optional(),
  defaultFormat: SignFormatSchema.optional(),
  digest: DigestSchema.optional(),
  outputDir: AbsolutePathSchema.nullable().optional(),
  nestSignatures: z.boolean().optional(),
  timestamp: z
    .strictObject({
      enabled: z.boolean().optional(),
      url: HttpsUrlSchema.nullable().optional(),
      username: TextSchema.nullable().optional(),
      password: z.string().max(1024).nullable().optional(),
    })
    .optional(),
  pkcs11Module: AbsolutePathSchema.nullable().optional(),
  trustFiles: z.array(AbsolutePathSchema).max(50).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
