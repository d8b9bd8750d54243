import { done, type DeviceResult, type SerialLinkHandlers } from '../../device';
import type { ByteLink } from '../byte-link';
import type { VirtualPrinter } from './virtual-printer';

/**
 * The virtual printer wired straight to a driver, for machines without
 * socat (and quick unit tests). Bytes cross on the next turn of the event
 * loop, as they would over a wire; `unplug()` behaves like a vanished port.
 */
export function inProcessPrinterLink(printer: VirtualPrinter): {
  open: (handlers: SerialLinkHandlers) => Promise<DeviceResult<ByteLink>>;
  unplug(): void;
} {
  let current: { handlers: SerialLinkHandlers; closed: boolean } | null = null;
  return {
    async open(handlers) {
      const link = { handlers, closed: false };
      current = link;
      printer.connect((bytes) => {
        const copy = Uint8Array.from(bytes);
        setImmediate(() => !link.closed && link.handlers.onBytes(Buffer.from(copy)));
      });
      return done({
        async write(bytes: Uint8Array) {
          const copy = Uint8Array.from(bytes);
          setImmediate(() => !link.closed && printer.receive(copy));
          return done(undefined);
        },
        async close() {
          link.closed = true;
        },
      });
    },
    unplug() {
      const link = current;
      if (!link || link.closed) return;
      link.closed = true;
      link.handlers.onLost('unplugged');
    },
  };
}
