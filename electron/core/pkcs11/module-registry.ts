/**
 * Loads each PKCS#11 module once per process (C_Initialize) and finalises it (C_Finalize + unload) when the last
 * user releases it, so a process can list, log in, sign, log out and exit without hanging.
 */
import * as graphene from 'graphene-pk11';
import { failure } from '../errors';

interface Entry {
  module: graphene.Module;
  refs: number;
}

const loaded = new Map<string, Entry>();

function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}

export function acquireModule(path: string): graphene.Module {
  const entry = loaded.get(path);
  if (entry) {
    entry.refs++;
    return entry.module;
  }
  let module: graphene.Module;
  try {
    module = graphene.Module.load(path);
  } catch (e) {
    throw failure('MODULE_LOAD_FAILED', { path, reason: reasonOf(e) }, { path });
  }
  try {
    module.initialize();
  } catch (e) {
    try {
      module.close();
    } catch {
      // already failing: the load error is what the user needs
    }
    throw failure('MODULE_LOAD_FAILED', { path, reason: reasonOf(e) }, { path });
  }
  loaded.set(path, { module, refs: 1 });
  return module;
}

export function releaseModule(path: string): void {
  const entry = loaded.get(path);
  if (!entry) return;
  entry.refs--;
  if (entry.refs > 0) return;
  loaded.delete(path);
  try {
    entry.module.finalize();
  } catch {
    // a module that fails C_Finalize is unloaded anyway
  }
  try {
    entry.module.close();
  } catch {
    // nothing more to do
  }
}
