/** Where the Electron app finds its parts once built (dist/electron/shell/app/ → …). No electron import. */
import { join } from 'node:path';

/** dist/electron/shell/preload.js */
export const PRELOAD_PATH = join(__dirname, '..', 'preload.js');
/** dist/electron/worker/card-worker.js */
export const WORKER_ENTRY = join(__dirname, '..', '..', 'worker', 'card-worker.js');
/** renderer/dist/index.html (vite build) */
export const RENDERER_INDEX = join(__dirname, '..', '..', '..', '..', 'renderer', 'dist', 'index.html');
