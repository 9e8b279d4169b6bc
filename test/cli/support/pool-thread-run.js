// Runs one batch through the CLI's verifier thread script (cli/verifier-thread.js of a copy of the built CLI),
// the way `sigillo verify` starts it but with the calling thread taking no file, so the thread verifies every
// one; prints {byThreads, reports} as JSON. With `serial`, verifies the files on this thread instead.
//   node pool-thread-run.js <cli dir> <flags: thread | batch | none | serial> <trust.pem> <file>…
// `thread` hands the batch's V8 flags to the thread, which sets them, as the CLI does; `batch` sets them here
// before the thread starts; `none` leaves V8's defaults.
const { join } = require('node:path');

const [cli, flags, trust, ...files] = process.argv.slice(2);
const core = join(cli, '..', 'core', 'validate');
const { openVerification, verifyFiles } = require(join(core, 'session.js'));
const { startVerifierThreads } = require(join(core, 'verify-pool.js'));

const tiering = require(join(cli, 'batch-tiering.js'));
if (flags === 'batch') tiering.tuneForBatch(1000, {});
const entryData = flags === 'thread' ? { flags: tiering.batchFlags(1000, {}) } : {};
const session = { trustFiles: [trust], offline: true, trustedLists: false };
const stats = { byThreads: 0 };
const threads =
  flags === 'serial'
    ? undefined
    : startVerifierThreads(
        { session },
        { threads: 1, entry: join(cli, 'verifier-thread.js'), entryData, stats, callerTakesPart: false },
      );
void openVerification(session)
  .then((opts) => (threads ? threads.run(files, opts) : verifyFiles(files, opts)))
  .then((reports) => process.stdout.write(JSON.stringify({ byThreads: stats.byThreads, reports })));
