/**
 * The harness facing a hostile WebSocket peer (a raw socket, not a browser): a frame that breaks the protocol
 * gets close code 1002, a frame header announcing 100 MB gets 1009, each closes only that connection, and the
 * harness process keeps serving (an 'error' without a listener would have ended it).
 */
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from './harness-client';
import { startTestHarness, type TestHarness } from './harness-setup';

const fx = inject('fixture');
let th: TestHarness;

beforeAll(async () => {
  th = await startTestHarness(fx.root, {});
});

afterAll(async () => {
  await th?.harness.close();
});

/** a WebSocket upgrade done by hand; resolves with the socket once the server answered 101 */
function rawUpgrade(port: number, token: string): Promise<{ socket: Socket; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1', () => {
      socket.write(
        [
          `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          `Origin: http://127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
    });
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const head = buf.subarray(0, end).toString();
      if (!head.startsWith('HTTP/1.1 101')) reject(new Error(head));
      else resolve({ socket, rest: buf.subarray(end + 4) });
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

/** sends `frame` and returns the close code of the server's close frame (0 when the socket just ended) */
async function closeCodeAfter(frame: Buffer): Promise<number> {
  const { socket, rest } = await rawUpgrade(th.harness.port, th.harness.token);
  return new Promise((resolve) => {
    let buf = rest;
    const check = () => {
      // server frames are unmasked: [0x88, len, code hi, code lo, …]
      const at = buf.indexOf(0x88);
      if (at >= 0 && buf.length >= at + 4) {
        socket.destroy();
        resolve(buf.readUInt16BE(at + 2));
      }
    };
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      check();
    });
    socket.on('close', () => resolve(0));
    socket.on('error', () => undefined);
    socket.write(frame);
  });
}

/** a masked client frame header (FIN + opcode) announcing `length` bytes, with the 4-byte mask */
function maskedHeader(opcode: number, length: number): Buffer {
  const mask = randomBytes(4);
  if (length < 126) return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | length]), mask]);
  const h = Buffer.alloc(10);
  h[0] = 0x80 | opcode;
  h[1] = 0x80 | 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return Buffer.concat([h, mask]);
}

describe('harness WebSocket limits', () => {
  it('a frame with a reserved opcode → close 1002; an unmasked client frame → close 1002', async () => {
    expect(await closeCodeAfter(Buffer.concat([maskedHeader(0x3, 1), Buffer.from([0])]))).toBe(1002);
    expect(await closeCodeAfter(Buffer.from([0x81, 0x02, 0x7b, 0x7d]))).toBe(1002);
  });

  it('a frame header announcing 100 MB → close 1009, before any of it is read', async () => {
    expect(await closeCodeAfter(maskedHeader(0x1, 100 * 1024 * 1024))).toBe(1009);
  });

  it('after all that the harness still serves the page and a well-behaved client', async () => {
    const client = await connect(th.harness.port, th.harness.token);
    try {
      const r = await client.invoke('appInfo', {});
      expect(r.ok, JSON.stringify(r)).toBe(true);
    } finally {
      client.close();
    }
    expect(th.logs.some((l) => l.includes('harness.ws-error'))).toBe(true);
  });
});
