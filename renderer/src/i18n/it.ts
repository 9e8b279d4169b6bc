/** Italian resources (the reference set). */
import { itShell } from './it-shell';
import { itScreens } from './it-screens';
import { itSignLevels } from './it-sign-levels';
import { itFlows } from './it-flows';
import { itVisual } from './it-visual';
import { itOpen } from './it-open';

export const it = { ...itShell, ...itScreens, ...itSignLevels, ...itFlows, ...itVisual, ...itOpen };
