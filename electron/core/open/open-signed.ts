/**
 * "Apri il documento firmato": the signed document of a verified file written into a fresh private slot of the
 * app's temporary folder (open-folder.ts), with the core's own extraction — extractFile / extractTimestamped for
 * a p7m, m7m or tsd (nested levels unwrapped, each level's integrity checked), extractPdfRevision for the bytes a
 * PDF signature covers, a copy for an XAdES XML. Never beside the user's file, never over an existing file; the
 * input must still be the file that was verified (before and after the extraction); outputs are 0600.
 */
import { chmod, copyFile, lstat, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, join } from 'node:path';
import { SigilloError, failure } from '../errors';
import { formatBytes } from '../../../shared/format/numbers';
import { getLang } from '../i18n/translate';
import { moveIntoPlace } from '../files/atomic-output';
import { regularInput } from '../files/file-kind';
import { extractFile, type ExtractOptions } from '../verify/extract';
import { extractTimestamped } from '../timestamp/extract-timestamped';
import { extractPdfRevision } from '../pdf/extract-revision';
import { contentRisk, type ContentRisk } from './content-risk';
import { assertUnchanged } from './assert-unchanged';
import type { FileStamp } from '../files/file-stamp';
import { newSlot, OPEN_LIMITS, sessionBytes, type OpenLimits } from './open-folder';
import type { OpenPlan } from './open-plan';

interface OpenSignedRequest {
  file: string;
  plan: OpenPlan;
  /** the file at verification time */
  stamp: FileStamp | null;
  /** the session folder (openSessionDir) */
  sessionDir: string;
  limits?: Partial<OpenLimits>;
}

interface OpenedDocument {
  path: string;
  name: string;
  size: number;
  /** not null: not to be opened by the app (a program, a script, a page that runs code) */
  risk: ContentRisk;
}

const size = (n: number) => formatBytes(n, getLang());

/** OPEN_TOO_LARGE / OPEN_TEMP_FULL before anything is written */
async function checkRoom(bytes: number, sessionDir: string, limits: OpenLimits): Promise<void> {
  if (bytes > limits.documentBytes)
    throw failure('OPEN_TOO_LARGE', { size: size(bytes), max: size(limits.documentBytes) });
  const used = await sessionBytes(sessionDir);
  if (used + bytes > limits.folderBytes)
    throw failure('OPEN_TEMP_FULL', { used: size(used), max: size(limits.folderBytes) });
}

/** the result of a core extraction as a thrown SigilloError when it failed */
function outputOf(r: { output: string | null; error: { code: string; message: string } | null }): string {
  if (r.error || !r.output) throw new SigilloError(r.error?.code ?? 'INTERNAL', r.error?.message ?? '');
  return r.output;
}

async function extractInto(file: string, plan: OpenPlan, slot: string): Promise<string> {
  const o: ExtractOptions = { outDir: slot, overwrite: false, force: false };
  if (plan.kind === 'envelope')
    return outputOf((await extractTimestamped(file, o)) ?? (await extractFile(file, o)));
  if (plan.kind === 'xml') {
    const out = join(slot, basename(file));
    await copyFile(file, out, constants.COPYFILE_EXCL);
    return out;
  }
  const written = outputOf(await extractPdfRevision(file, { ...o, signature: plan.signature }));
  const got = (await lstat(written)).size;
  if (got !== plan.signedEnd) throw failure('OPEN_REVISION_MISMATCH', { size: got, end: plan.signedEnd });
  const out = join(slot, plan.name);
  await moveIntoPlace(written, out, false); // a hard link: never replaces a file
  return out;
}

export async function openSignedDocument(r: OpenSignedRequest): Promise<OpenedDocument> {
  const limits = { ...OPEN_LIMITS, ...r.limits };
  const st = await regularInput(r.file);
  await assertUnchanged(r.file, r.stamp);
  // the content of a p7m/tsd is never larger than the file; a PDF revision is the signed prefix
  await checkRoom(r.plan.kind === 'pdf' ? r.plan.signedEnd : st.size, r.sessionDir, limits);
  const slot = await newSlot(r.sessionDir);
  try {
    const path = await extractInto(r.file, r.plan, slot);
    await assertUnchanged(r.file, r.stamp); // nothing changed while it was read
    await chmod(path, 0o600);
    const bytes = (await lstat(path)).size;
    if (bytes > limits.documentBytes)
      throw failure('OPEN_TOO_LARGE', { size: size(bytes), max: size(limits.documentBytes) });
    const name = basename(path);
    return { path, name, size: bytes, risk: await contentRisk(path, name) };
  } catch (e) {
    await rm(slot, { recursive: true, force: true });
    throw e;
  }
}
