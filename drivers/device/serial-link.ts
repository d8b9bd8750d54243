import { realpathSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { ByteLink, ByteLinkHandlers, LinkOpener } from './link';
import { done, failed, type DeviceResult } from './result';

export type SerialLinkHandlers = ByteLinkHandlers;

/**
 * A serial port as a device transport: open with a typed result, write and
 * drain, report disappearance once. serialport does not reconnect; the
 * device base re-opens a new link when the port returns.
 */
export class SerialLink implements ByteLink {
  private lostReported = false;
  private closing = false;
  private readonly watchdog: NodeJS.Timeout;

  private constructor(
    private readonly port: SerialPort,
    private readonly handlers: SerialLinkHandlers,
    path: string,
    watchMs: number,
  ) {
    // serialport notices a vanished port only while a read is in flight, and
    // not on every kernel: also watch the device node itself (a USB adapter's
    // node disappears on unplug; a pty link is removed or re-pointed).
    const device = resolveDevice(path);
    this.watchdog = setInterval(() => {
      if (resolveDevice(path) !== device) this.lost('device node gone');
    }, watchMs);
    this.watchdog.unref();
    port.on('data', (chunk: Buffer) => handlers.onBytes(chunk));
    port.on('close', (e: (Error & { disconnected?: boolean }) | null) => {
      if (!this.closing) this.lost(e?.message ?? 'closed');
    });
    port.on('error', (e: Error) => this.lost(e.message));
  }

  static open(path: string, baudRate: number, handlers: SerialLinkHandlers, watchMs = 200): Promise<DeviceResult<SerialLink>> {
    return new Promise((resolve) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((e) => {
        if (!e) return resolve(done(new SerialLink(port, handlers, path, watchMs)));
        const message = e.message;
        if (/ENOENT|No such file/i.test(message)) return resolve(failed('no-hardware', 'PORT-MISSING'));
        if (/EACCES|permission/i.test(message)) return resolve(failed('failure', 'PORT-ACCESS'));
        if (/EBUSY|lock/i.test(message)) return resolve(failed('busy', 'PORT-LOCKED'));
        return resolve(failed('offline', `PORT-OPEN`));
      });
    });
  }

  write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve(failed('offline', 'PORT-GONE'));
      this.port.write(Buffer.from(bytes), (e) => {
        if (e) return resolve(failed('offline', 'PORT-WRITE'));
        this.port.drain((d) => resolve(d ? failed('offline', 'PORT-WRITE') : done(undefined)));
      });
    });
  }

  setBaud(baudRate: number): Promise<DeviceResult<void>> {
    return new Promise((resolve) => {
      this.port.update({ baudRate }, (e) => resolve(e ? failed('failure', 'PORT-BAUD') : done(undefined)));
    });
  }

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watchdog);
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }

  private lost(reason: string): void {
    if (this.lostReported || this.closing) return;
    this.lostReported = true;
    clearInterval(this.watchdog);
    this.handlers.onLost(reason);
  }
}

/** Serial ports the OS lists (needs `udevadm` on Linux), plus nothing else: callers add explicit paths. */
export async function listSerialPaths(): Promise<string[]> {
  try {
    const ports = await SerialPort.list();
    return ports.map((p) => p.path);
  } catch {
    return [];
  }
}

function resolveDevice(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** A `LinkOpener` for a serial port path: what a driver is given in production. */
export function serialOpener(path: string, baudRate: number): LinkOpener {
  return (handlers) => SerialLink.open(path, baudRate, handlers);
}
