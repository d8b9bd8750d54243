import type { ByteLink, ByteLinkHandlers, LinkOpener } from '../../device/link';
import { done, failed } from '../../device/result';
import { Pacer } from './pacer';
import { IdCardSimulator } from './simulator';

/**
 * A reader simulator wired straight to a driver, no pty: for unit tests and
 * for machines without socat. `unplug()`/`replug()` mimic the port vanishing.
 */
export class InProcessReader {
  readonly simulator: IdCardSimulator;
  private handlers: ByteLinkHandlers | null = null;
  private plugged = true;
  private readonly pacer: Pacer;

  constructor(options: { baud?: number | null; haltAfterRead?: boolean } = {}) {
    this.pacer = new Pacer(
      (bytes) => this.handlers?.onBytes(Uint8Array.from(bytes)),
      () => (options.baud === undefined ? null : options.baud === null ? null : this.simulator.baud),
    );
    this.simulator = new IdCardSimulator((t) => this.pacer.send(t), options);
  }

  readonly opener: LinkOpener = async (handlers) => {
    if (!this.plugged) return failed('no-hardware', 'PORT-MISSING');
    this.handlers = handlers;
    const link: ByteLink = {
      write: async (bytes) => {
        if (!this.plugged || this.handlers !== handlers) return failed('offline', 'PORT-GONE');
        const copy = Uint8Array.from(bytes);
        setImmediate(() => this.simulator.receive(copy));
        return done(undefined);
      },
      setBaud: async () => done(undefined),
      close: async () => {
        if (this.handlers === handlers) this.handlers = null;
      },
    };
    return done(link);
  };

  unplug(): void {
    this.plugged = false;
    this.pacer.clear();
    const h = this.handlers;
    this.handlers = null;
    h?.onLost('unplugged');
  }

  replug(): void {
    this.plugged = true;
  }
}
