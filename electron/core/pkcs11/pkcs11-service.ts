/**
 * The PKCS#11 entry point: a loaded module, its tokens (read without login), token/certificate selection, and
 * login with a PIN Buffer (never retried). One instance per module path; close() releases it.
 */
import * as graphene from 'graphene-pk11';
import { SigilloError, failure } from '../errors';
import { ckrName, guard, pkcs11Error } from './pkcs11-errors';
import { acquireModule, releaseModule } from './module-registry';
import { findPkcs11Module, type ModuleQuery } from './module-discovery';
import { checkPinEntry, pinRules } from './pin-management';
import { triesLeft, userPinStatus, wrongPinHint } from './pin-status';
import { Pkcs11Session } from './pkcs11-session';
import { chooseCertificateIn, findTokenIn } from './selection';
import { isTokenReady, readTokenInfo } from './token-reader';
import type { TokenCertificate, TokenInfo } from './token-types';

const REMOVED_CODES = new Set(['TOKEN_REMOVED', 'DEVICE_REMOVED', 'SESSION_CLOSED']);

interface Located {
  slot: graphene.Slot;
  info: TokenInfo;
}

export class Pkcs11Service {
  private closed = false;
  private readonly sessions = new Set<Pkcs11Session>();

  private constructor(
    readonly modulePath: string,
    private readonly module: graphene.Module,
  ) {}

  /** Loads (once per process) and initialises the module; MODULE_LOAD_FAILED when it cannot. */
  static open(modulePath: string): Pkcs11Service {
    return new Pkcs11Service(modulePath, acquireModule(modulePath));
  }

  /** findPkcs11Module(query) then open(). */
  static discover(query: ModuleQuery = {}): Pkcs11Service {
    return Pkcs11Service.open(findPkcs11Module(query));
  }

  private slots(): graphene.Slot[] {
    this.assertOpen();
    const collection = guard('C_GetSlotList', () => this.module.getSlots(true));
    const slots: graphene.Slot[] = [];
    for (let i = 0; i < collection.length; i++) {
      const slot = collection.items(i);
      try {
        if (isTokenReady(slot)) slots.push(slot);
      } catch {
        // a token that vanished between the slot list and its info is simply not listed
      }
    }
    return slots;
  }

  private located(): Located[] {
    const found: Located[] = [];
    for (const slot of this.slots()) {
      try {
        found.push({ slot, info: readTokenInfo(slot) });
      } catch (e) {
        // pulled out while we were reading it: not listed; any other failure is the user's to see
        if (!(e instanceof SigilloError && REMOVED_CODES.has(e.code))) throw e;
      }
    }
    return found;
  }

  private locate(label?: string): Located {
    const all = this.located();
    const info = findTokenIn(
      all.map((l) => l.info),
      label,
    );
    const hit = all.find((l) => l.info === info);
    if (!hit) throw new Error('unreachable: token found but not located');
    return hit;
  }

  /** Every initialised token, with PIN status and certificates (no login). */
  listTokens(): TokenInfo[] {
    return this.located().map((l) => l.info);
  }

  /** The token with this label (or serial number); by default the only one. TOKEN_NOT_FOUND / TOKEN_AMBIGUOUS. */
  findToken(label?: string): TokenInfo {
    return this.locate(label).info;
  }

  /** The certificate with CKA_ID certId; by default the signature certificate. CERT_NOT_FOUND / NO_SIGNATURE_CERT. */
  chooseCertificate(token: TokenInfo, certId?: string): TokenCertificate {
    return chooseCertificateIn(token, certId);
  }

  /**
   * Logs in as the user with `pin` (the caller zeroes it). One attempt only: a wrong PIN throws PIN_INCORRECT
   * with what the token says about the tries left; a blocked PIN throws PIN_LOCKED without trying.
   */
  login(tokenLabel: string | undefined, pin: Buffer): Pkcs11Session {
    const { slot, info } = this.locate(tokenLabel);
    if (info.userPin.locked) throw pkcs11Error(new Error('CKR_PIN_LOCKED'), 'C_Login', { token: info.label });
    checkPinEntry(pin, pinRules(info));
    const session = guard('C_OpenSession', () => slot.open(graphene.SessionFlag.SERIAL_SESSION));
    try {
      userLogin(session, pin);
    } catch (e) {
      closeQuietly(session);
      throw loginError(e, slot, info);
    }
    const mechanisms = guard('C_GetMechanismList', () => mechanismSet(slot));
    const needsContextPin = guard('C_FindObjects', () => anyAlwaysAuthenticate(session));
    const s = new Pkcs11Session(
      info,
      session,
      mechanisms,
      needsContextPin ? Buffer.from(pin) : undefined,
      (x) => this.sessions.delete(x),
    );
    this.sessions.add(s);
    return s;
  }

  /**
   * Runs `fn` with a fresh session on the chosen token (read-write when asked), closed afterwards (after the
   * promise settles when `fn` is async). For PIN management and other raw PKCS#11 work; errors from `fn` are
   * mapped with pkcs11Error.
   */
  withSession<T>(
    tokenLabel: string | undefined,
    fn: (session: graphene.Session, token: TokenInfo, slot: graphene.Slot) => T,
    readWrite = false,
  ): T {
    const { slot, info } = this.locate(tokenLabel);
    const flags = graphene.SessionFlag.SERIAL_SESSION | (readWrite ? graphene.SessionFlag.RW_SESSION : 0);
    const session = guard('C_OpenSession', () => slot.open(flags));
    let result: T;
    try {
      result = guard('PKCS#11', () => fn(session, info, slot), { token: info.label });
    } catch (e) {
      closeQuietly(session);
      throw e;
    }
    if (result instanceof Promise) {
      return result.then(
        (v: unknown) => (closeQuietly(session), v),
        (e: unknown) => {
          closeQuietly(session);
          throw pkcs11Error(e, 'PKCS#11', { token: info.label });
        },
      ) as T;
    }
    closeQuietly(session);
    return result;
  }

  /** Logs out every session and releases the module (C_Finalize when no one else uses it). Idempotent. */
  close(): void {
    if (this.closed) return;
    for (const s of [...this.sessions]) s.logout();
    this.closed = true;
    releaseModule(this.modulePath);
  }

  private assertOpen(): void {
    if (this.closed) {
      throw failure('SESSION_CLOSED:module');
    }
  }
}

function userLogin(session: graphene.Session, pin: Buffer): void {
  // pkcs11js only takes a string: it lives for this call only
  try {
    session.login(pin.toString('utf8'), graphene.UserType.USER);
  } catch (e) {
    if (ckrName(e) !== 'CKR_USER_ALREADY_LOGGED_IN') throw e;
    // logged in by an earlier session of this process: log out so the PIN is really checked
    session.logout();
    session.login(pin.toString('utf8'), graphene.UserType.USER);
  }
}

function loginError(e: unknown, slot: graphene.Slot, info: TokenInfo): SigilloError {
  const mapped = pkcs11Error(e, 'C_Login', { token: info.label });
  if (mapped.code !== 'PIN_INCORRECT') return mapped;
  let status = info.userPin;
  try {
    status = userPinStatus(slot.getToken().flags);
  } catch {
    // token gone: say what we knew
  }
  const left = triesLeft(status);
  const extra = wrongPinHint(left);
  const code = left === 'none' ? 'PIN_LOCKED' : 'PIN_INCORRECT';
  return new SigilloError(code, [mapped.message, extra].filter(Boolean).join(' '), {
    ...mapped.details,
    triesLeft: left,
    userPin: status,
  });
}

function mechanismSet(slot: graphene.Slot): Set<number> {
  const list = slot.getMechanisms();
  const set = new Set<number>();
  for (let i = 0; i < list.length; i++) set.add(list.items(i).type);
  return set;
}

function anyAlwaysAuthenticate(session: graphene.Session): boolean {
  let found = false;
  session.find({ class: graphene.ObjectClass.PRIVATE_KEY }, (obj) => {
    try {
      found = obj.getAttribute({ alwaysAuth: null }).alwaysAuth === true;
    } catch {
      // attribute not supported: no context-specific login
    }
    return !found;
  });
  return found;
}

function closeQuietly(session: graphene.Session): void {
  try {
    session.close();
  } catch {
    // removed card: nothing to close
  }
}
