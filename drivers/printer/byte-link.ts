import { closeSync, constants, openSync, read, write } from 'node:fs';
import { SerialLink, done, failed, type DeviceResult, type SerialLinkHandlers } from '../device';

/** What the printer driver needs of a transport: bytes out, bytes in through the handlers, close. */
export interface ByteLink {
  write(bytes: Uint8Array): Promise<DeviceResult<void>>;
  close(): Promise<void>;
}

const POLL_MS = 20;

/**
 * A USB printer class device (`/dev/usb/lp0`): not a tty, so no serial
 * settings; the kernel's usblp driver passes reads through as the printer's
 * status back-channel. Opened non-blocking: a blocking read would hold a
 * libuv thread (and `close`) until the printer next spoke, so the link
 * polls instead.
 */
export class PrinterFileLink implements ByteLink {
  private closed = false;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly fd: number,
    private readonly handlers: SerialLinkHandlers,
  ) {
    this.readSoon(0);
  }

  static async open(path: string, handlers: SerialLinkHandlers): Promise<DeviceResult<PrinterFileLink>> {
    try {
      return done(new PrinterFileLink(openSync(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY), handlers));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') return failed('no-hardware', 'PORT-MISSING');
      if (code === 'EACCES' || code === 'EPERM') return failed('failure', 'PORT-ACCESS');
      if (code === 'EBUSY') return failed('busy', 'PORT-LOCKED');
      return failed('offline', 'PORT-OPEN');
    }
  }

  write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    return new Promise((resolve) => {
      const step = (offset: number) => {
        if (this.closed) return resolve(failed('offline', 'PORT-GONE'));
        if (offset >= bytes.length) return resolve(done(undefined));
        write(this.fd, bytes, offset, bytes.length - offset, null, (e, n) => {
          if (e && (e as NodeJS.ErrnoException).code === 'EAGAIN') return void setTimeout(() => step(offset), POLL_MS);
          if (e) {
            this.lost(e.message);
            return resolve(failed('offline', 'PORT-WRITE'));
          }
          step(offset + n);
        });
      };
      step(0);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    try {
      closeSync(this.fd);
    } catch {
      // already gone with the device
    }
  }

  private readSoon(ms: number): void {
    this.timer = setTimeout(() => this.readOnce(), ms);
  }

  private readOnce(): void {
    if (this.closed) return;
    const buf = Buffer.alloc(256);
    read(this.fd, buf, 0, buf.length, null, (e, n) => {
      if (this.closed) return;
      const code = (e as NodeJS.ErrnoException | null)?.code;
      if (code === 'EAGAIN' || (!e && n === 0)) return this.readSoon(POLL_MS); // nothing to say yet
      if (e) return this.lost(e.message);
      this.handlers.onBytes(Buffer.from(buf.subarray(0, n)));
      this.readSoon(0);
    });
  }

  private lost(reason: string): void {
    if (this.closed) return;
    void this.close();
    this.handlers.onLost(reason);
  }
}

export type PrinterTransport = 'serial' | 'file';

/** `/dev/usb/lp*` (and other non-tty printer nodes) are files; anything else is a serial port. */
export function transportFor(path: string): PrinterTransport {
  return /^\/dev\/usb\/lp\d+$/.test(path) || /\/usblp/.test(path) ? 'file' : 'serial';
}

export function openPrinterLink(path: string, baudRate: number, handlers: SerialLinkHandlers, transport = transportFor(path)): Promise<DeviceResult<ByteLink>> {
  return transport === 'file' ? PrinterFileLink.open(path, handlers) : SerialLink.open(path, baudRate, handlers);
}
