/** Verification reports kept in the main process so the page can ask for a PDF export by id (never re-sent). */
import { randomBytes } from 'node:crypto';
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import type { FileStamp } from '../../core/files/file-stamp';
import type { FileReport } from '../../../shared/schemas/verify';

export class ReportCache {
  private readonly entries = new Map<string, FileReport[]>();
  /** each verified file as it was on disk before it was verified ("open the signed document" compares) */
  private readonly stamps = new Map<string, ReadonlyMap<string, FileStamp | null>>();

  constructor(private readonly max = 20) {}

  put(reports: FileReport[], stamps: ReadonlyMap<string, FileStamp | null> = new Map()): string {
    const id = randomBytes(12).toString('base64url');
    this.entries.set(id, reports);
    this.stamps.set(id, stamps);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
      this.stamps.delete(oldest);
    }
    return id;
  }

  /** the stamp of `file` taken before verification `id`; null when none was taken */
  stamp(id: string, file: string): FileStamp | null {
    return this.stamps.get(id)?.get(file) ?? null;
  }

  get(id: string): FileReport[] | undefined {
    return this.entries.get(id);
  }

  /**
   * The reports of verification `id` — only the one of `file` when given: the page names nothing else. None
   * (an unknown or evicted id, a file outside it) is REPORT_NOT_FOUND.
   */
  select(id: string, file?: string): [FileReport, ...FileReport[]] {
    const all = this.entries.get(id) ?? [];
    const [first, ...rest] = file === undefined ? all : all.filter((r) => r.file === file);
    if (!first) {
      throw new SigilloError(
        'REPORT_NOT_FOUND',
        t({
          it: 'Verifica non più disponibile: ripetila.',
          en: 'Verification no longer available: run it again.',
        }),
      );
    }
    return [first, ...rest];
  }
}
