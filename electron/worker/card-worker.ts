/**
 * The card worker process entry (plain Node, never electron): started with utilityProcess.fork by the app and
 * child_process.fork by the harness. Runs PKCS#11, signing, verification and PIN work away from the window.
 */
import { runWorker } from './worker-loop';
import { parentLink } from './parent-link';
import { exportCertificate, listTokens } from './ops/token-ops';
import { sign } from './ops/sign-op';
import { changePin, unblockPin } from './ops/pin-ops';
import { exportReport, extract, verify } from './ops/verify-ops';
import { watchCards } from './ops/watch-cards';
import { trustStatusOp, trustUpdateOp } from './ops/trust-ops';
import { visualDiff } from './ops/visual-op';
import { openSigned } from './ops/open-op';

runWorker(parentLink(), {
  ping: async () => ({ pid: process.pid }),
  listTokens,
  exportCertificate,
  sign,
  changePin,
  unblockPin,
  verify,
  extract,
  exportReport,
  watchCards,
  trustStatus: trustStatusOp,
  trustUpdate: trustUpdateOp,
  visualDiff,
  openSigned,
});
