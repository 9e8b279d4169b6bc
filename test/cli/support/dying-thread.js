// A verifier thread that fails in the middle of a run (for test/cli/verify-pool.test.ts): says it is ready,
// takes one batch of the run's files from the shared counter as a real thread does, and dies without
// answering for it. The caller must verify that batch itself.
const { parentPort } = require('node:worker_threads');

parentPort.once('message', ({ next, batch }) => {
  Atomics.add(new Int32Array(next), 0, batch);
  process.exit(3);
});
parentPort.postMessage({ ready: true });
