/** electron-log as the shell log sink (file in the user logs folder). Only ShellLog lines: never payloads. */
import log from 'electron-log/main';
import { makeShellLog, type ShellLog } from '../ipc/shell-log';

export function appLog(): ShellLog {
  log.initialize({ preload: false });
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.SIGILLO_DEBUG ? 'info' : 'warn';
  return makeShellLog({ info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) });
}
