/** Verification reports kept in the main process so the page can ask for a PDF export by id (never re-sent). */
import { randomBytes } from 'node:crypto';
import type { FileReport } from '../../../shared/schemas/verify';

export class ReportCache {
  private readonly entries = new Map<string, FileReport[]>();

  constructor(private readonly max = 20) {}

  put(reports: FileReport[]): string {
    const id = randomBytes(12).toString('base64url');
    this.entries.set(id, reports);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return id;
  }

  get(id: string): FileReport[] | undefined {
    return this.entries.get(id);
  }
}
