/** Italian resources (the reference set). */
import { itShell } from './it-shell';
import { itScreens } from './it-screens';

export const it = { ...itShell, ...itScreens };
