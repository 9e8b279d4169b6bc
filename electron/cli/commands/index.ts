/** Every sub-command, in the order `sigillo --help` lists them. Each lives in its own file. */
import type { Command } from '../command';
import { certCommand } from './cert';
import { devicesCommand } from './devices';
import { pinChangeCommand } from './pin-change';
import { pinUnblockCommand } from './pin-unblock';
import { remindersCommand } from './reminders';
import { signCommand } from './sign';
import { verifyCommand } from './verify';
import { extractCommand } from './extract';
import { timestampCommand } from './timestamp';
import { extendCommand } from './extend';
import { trustStatusCommand } from './trust-status';
import { trustUpdateCommand } from './trust-update';

export const commands: Command[] = [
  devicesCommand,
  certCommand,
  pinChangeCommand,
  pinUnblockCommand,
  remindersCommand,
  signCommand,
  verifyCommand,
  extractCommand,
  timestampCommand,
  extendCommand,
  trustUpdateCommand,
  trustStatusCommand,
];
