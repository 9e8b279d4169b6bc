/** Italian resources (the reference set). */
import { itShell } from './it-shell';
import { itScreens } from './it-screens';
import { itFlows } from './it-flows';

export const it = { ...itShell, ...itScreens, ...itFlows };
