/**
 * ReminderStore over a JSON file (default <user data folder>/reminders.json). Writes are atomic: a temp file in
 * the same folder, flushed, then renamed over the old one, so a crash never leaves half a file. A file that is
 * not ours (bad JSON, wrong shape, over 1 MiB) is reported with REMINDERS_FILE_INVALID and left untouched.
 */
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { SigilloError, failure } from '../errors';
import { userDataDir } from '../paths';
import { emptyReminderData, type ReminderData, type ReminderStore } from './reminder-types';

export const REMINDERS_FILE = 'reminders.json';
const MAX_BYTES = 1 << 20;

const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)));
const schema = z.object({
  version: z.literal(1),
  settings: z.object({
    enabled: z.boolean(),
    snoozedUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  certificates: z.array(
    z.object({
      fingerprintSha256: z.string().regex(/^[0-9a-f]{64}$/),
      commonName: z.string().optional(),
      fiscalCode: z.string().optional(),
      role: z.enum(['signature', 'authentication', 'other']),
      ca: z.enum(['infocamere', 'aruba', 'infocert', 'unknown']),
      notBefore: isoInstant,
      notAfter: isoInstant,
      deviceSerial: z.string().optional(),
      firstSeen: isoInstant,
      lastSeen: isoInstant,
      fired: z.array(z.number().int()),
    }),
  ),
});

export function defaultRemindersPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), REMINDERS_FILE);
}

export class JsonFileReminderStore implements ReminderStore {
  constructor(readonly path: string) {}

  async load(): Promise<ReminderData> {
    let text: string;
    try {
      const stat = await fs.stat(this.path);
      if (!stat.isFile() || stat.size > MAX_BYTES) throw this.invalid();
      text = await fs.readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyReminderData();
      throw e;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.invalid();
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) throw this.invalid();
    return checked.data;
  }

  async save(data: ReminderData): Promise<void> {
    const dir = dirname(this.path);
    await fs.mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(schema.parse(data), null, 2) + '\n', 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, this.path);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  private invalid(): SigilloError {
    return failure('REMINDERS_FILE_INVALID', { path: this.path });
  }
}
