/** Italian resources (the reference set). */
import { itShell } from './it-shell';
import { itScreens } from './it-screens';
import { itSignLevels } from './it-sign-levels';

export const it = { ...itShell, ...itScreens, ...itSignLevels };
