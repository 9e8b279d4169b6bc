/** "Apri il documento firmato": the core writes the signed document into the app's private temporary folder. */
import { openSignedDocument } from '../../core/open/open-signed';
import type { WorkerOp } from '../op-types';

export const openSigned: WorkerOp<'openSigned'> = async (p) =>
  openSignedDocument({ file: p.file, plan: p.plan, stamp: p.stamp, sessionDir: p.sessionDir });
