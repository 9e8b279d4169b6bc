/** `npm run bench`: every benchmark in one run, the machine description first, a summary of the goals last. */
import { benchHash } from './hash-1gib';
import { benchNodeFloor } from './node-floor';
import { benchPades } from './pades-cli-200mb';
import { benchPdfVerify } from './pdf-verify-200mb';
import { benchSignVerify } from './sign-verify-1gib';
import { benchStartup } from './startup';
import { benchVerifyMany } from './verify-many';
import { benchVisualDiff } from './visual-diff-20p';
import { machine, note, summary } from './bench-lib';

async function main(): Promise<void> {
  note(`machine: ${machine()}`);
  benchStartup();
  benchNodeFloor();
  benchHash();
  benchSignVerify();
  await benchVerifyMany();
  benchPades();
  const pdfVerifyOk = benchPdfVerify();
  const visualOk = await benchVisualDiff();
  process.exitCode = summary() === 0 && pdfVerifyOk && visualOk ? 0 : 1;
}

void main();
