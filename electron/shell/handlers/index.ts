/** The handler of every contract method (the type forces one per method). */
import type { InvokeMethod } from '../../../shared/contract';
import { appHandlers } from './app-handlers';
import { cardHandlers } from './card-handlers';
import { documentHandlers } from './document-handlers';
import { openHandlers } from './open-handlers';
import { renewalHandlers } from './renewal-handlers';
import { trustHandlers } from './trust-handlers';
import { visualHandlers } from './visual-handlers';
import type { HandlerTable } from './handler-types';

export const HANDLERS: HandlerTable<InvokeMethod> = {
  ...appHandlers,
  ...cardHandlers,
  ...documentHandlers,
  ...openHandlers,
  ...renewalHandlers,
  ...trustHandlers,
  ...visualHandlers,
};
