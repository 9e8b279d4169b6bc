// A verifier thread for test/cli/verify-pool.test.ts that starts slowly (300 ms, as a thread loading its code
// on a busy machine), then looks whether the run's work already waits in its port before it says it is ready,
// writes what it found into workerData.marker, takes no file and ends.
const { writeFileSync } = require('node:fs');
const { setTimeout } = require('node:timers');
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');

setTimeout(() => {
  const queued = receiveMessageOnPort(parentPort);
  writeFileSync(
    workerData.marker,
    queued ? `work before ready: ${queued.message.paths.length} files` : 'none',
  );
  parentPort.postMessage({ ready: true });
  parentPort.postMessage({ finished: true });
}, 300);
