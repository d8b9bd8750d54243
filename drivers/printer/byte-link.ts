import { open, type FileHandle } from 'node:fs/promises';
import { SerialLink, done, failed, type DeviceResult, type SerialLinkHandlers } from '../device';

/** What the printer driver needs of a transport: bytes out, bytes in through the handlers, close. */
export interface ByteLink {
  write(bytes: Uint8Array): Promise<DeviceResult<void>>;
  close(): Promise<void>;
}

/**
 * A USB printer class device (`/dev/usb/lp0`): not a tty, so no serial
 * settings; the kernel's usblp driver passes reads through as the printer's
 * status back-channel. Reads block in the libuv pool, one at a time.
 */
export class PrinterFileLink implements ByteLink {
  private closing = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly handlers: SerialLinkHandlers,
  ) {
    void this.readLoop();
  }

  static async open(path: string, handlers: SerialLinkHandlers): Promise<DeviceResult<PrinterFileLink>> {
    try {
      return done(new PrinterFileLink(await open(path, 'r+'), handlers));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENODEV') return failed('no-hardware', 'PORT-MISSING');
      if (code === 'EACCES' || code === 'EPERM') return failed('failure', 'PORT-ACCESS');
      if (code === 'EBUSY') return failed('busy', 'PORT-LOCKED');
      return failed('offline', 'PORT-OPEN');
    }
  }

  async write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    try {
      let offset = 0;
      while (offset < bytes.length) offset += (await this.handle.write(bytes, offset)).bytesWritten;
      return done(undefined);
    } catch {
      this.lost('write failed');
      return failed('offline', 'PORT-WRITE');
    }
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.handle.close().catch(() => undefined);
  }

  private async readLoop(): Promise<void> {
    const buf = Buffer.alloc(256);
    while (!this.closing) {
      try {
        const { bytesRead } = await this.handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) {
          // usblp answers 0 when the printer has nothing to say: ask again shortly.
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        this.handlers.onBytes(Buffer.from(buf.subarray(0, bytesRead)));
      } catch (e) {
        this.lost((e as Error).message);
        return;
      }
    }
  }

  private lost(reason: string): void {
    if (this.closing) return;
    this.closing = true;
    void this.handle.close().catch(() => undefined);
    this.handlers.onLost(reason);
  }
}

/** `/dev/usb/lp*` (and other non-tty printer nodes) are files; anything else is a serial port. */
export function openPrinterLink(path: string, baudRate: number, handlers: SerialLinkHandlers): Promise<DeviceResult<ByteLink>> {
  if (/^\/dev\/usb\/lp\d+$/.test(path) || /\/usblp/.test(path)) return PrinterFileLink.open(path, handlers);
  return SerialLink.open(path, baudRate, handlers);
}
