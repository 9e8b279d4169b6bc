/**
 * What the two ways of splitting a big PDF's verification over two threads can reach at best on this machine
 * (issue 22), measured on the bench's own PDF in the same run as Sigillo and `openssl dgst`:
 * - the hashing on a worker thread, as Sigillo did until 7 Dec 2026 (the program on the main thread): a script
 *   doing nothing else than that — its floor is the process's start, the worker's start (~0.03 s) and the hashing;
 * - the hashing on the main thread while a worker thread does only the PDF part of the rest (open the file,
 *   find the signatures, check their byte ranges, analyse every later revision with Sigillo's own built code),
 *   as Sigillo does now (cli/program-thread-host.ts) — without loading the program, reading the CMS or printing
 *   a report, which the real verifier adds.
 * Floors, not goals: they say which design could meet the ≤ 1.25× goal on which file, and why the other misses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { best, compare, measure, note, type Measure } from './bench-lib';
import { HASH, WORKER as ON_WORKER } from './node-floor';

/** the worker's part: Sigillo's PDF reading and change analysis (built code), nothing else; prints "n/m allowed" */
function analysisWorker(dist: string): string {
  const pdf = JSON.stringify(join(dist, 'electron', 'core', 'pdf'));
  return `const { join } = require('path'), wt = require('worker_threads');
const D = ${pdf};
const { PdfReader } = require(join(D, 'pdf-reader'));
const { findSignatures } = require(join(D, 'pdf-signatures'));
const { checkByteRange, revisionEnds } = require(join(D, 'byte-range-check'));
const { analyseModifications } = require(join(D, 'diff', 'analyse'));
const r = PdfReader.open(wt.workerData);
r.shareParsed = true;
const sigs = findSignatures(r);
const revs = revisionEnds(r.sections);
let allowed = 0;
for (const s of sigs) {
  const br = checkByteRange(s, r.src, r.sections);
  if (br.coversWholeDocument || analyseModifications(r, revs[br.revision - 1].end, revs.length - br.revision, s.dict).allowed) allowed++;
}
r.close();
wt.parentPort.postMessage(allowed + '/' + sigs.length + ' allowed');`;
}

function onMainScript(dist: string): string {
  return `${HASH}
const { Worker } = require('worker_threads');
const w = new Worker(${JSON.stringify(analysisWorker(dist))}, { eval: true, workerData: process.argv[2] });
const analysed = new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
const digest = hashFile(process.argv[2]);
analysed.then((a) => { console.log(digest + ' ' + a); process.exit(0); });
`;
}

/**
 * Measures both floors on `pdf` (best of 3 each) against `openssl` (its measure from the same run, whose stdout
 * gives the digest both scripts must print) and notes them; `dist` is the built tree.
 */
export function pdfDesignFloors(dir: string, pdf: string, dist: string, openssl: Measure): void {
  const digest = openssl.stdout.trim().split('= ').pop() ?? '';
  const worker = join(dir, 'floor-hash-on-worker.js');
  const main = join(dir, 'floor-hash-on-main.js');
  writeFileSync(worker, ON_WORKER);
  writeFileSync(main, onMainScript(dist));
  const onWorker = best(3, () => measure(process.execPath, [worker, pdf]));
  const onMain = best(3, () => measure(process.execPath, [main, pdf]));
  const [mainDigest, analysed] = onMain.stdout.trim().split(' ');
  if (onWorker.stdout.trim() !== digest || mainDigest !== digest) {
    throw new Error('a floor script hashed something else than openssl');
  }
  compare(
    'floor: only hashing this PDF, on one worker thread (Sigillo’s design until 7 Dec 2026)',
    onWorker,
    'openssl dgst',
    openssl,
    {},
  );
  compare(
    `floor: hashing it on the main thread while one worker thread only parses and analyses its revisions (${analysed}; Sigillo’s design)`,
    onMain,
    'openssl dgst',
    openssl,
    {},
  );
  note('  (floors, not goals: a real verifier also loads its program, reads the CMS and prints the report)');
}
