/** A handler takes the request already validated by the shared schema, and the shell context. */
import type { z } from 'zod';
import type { Contract, InvokeMethod } from '../../../shared/contract';
import type { ResponseOf } from '../../../shared/api';
import type { ShellContext } from '../ipc/context';

export type ValidRequest<M extends InvokeMethod> = z.output<Contract[M]['request']>;

export type Handler<M extends InvokeMethod> = (
  request: ValidRequest<M>,
  ctx: ShellContext,
) => Promise<ResponseOf<M>>;

export type HandlerTable<K extends InvokeMethod> = { [M in K]: Handler<M> };
