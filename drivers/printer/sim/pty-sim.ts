import { SerialLink, openPtyPair, type PtyPair } from '../../device';
import { VirtualPrinter } from './virtual-printer';

export interface SimulatedPrinter {
  /** Give this path to the driver (`ReceiptPrinter`). */
  readonly path: string;
  readonly printer: VirtualPrinter;
  readonly pty: PtyPair;
  /** Re-attach the printer's end after `pty.replug()`. */
  reattach(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The virtual printer behind a real pseudo-terminal: the driver opens one
 * end as it would /dev/ttyUSB0, the simulator holds the other. Used by
 * `KIOSK_PRINTER=sim` and by the integration tests, so both run one path.
 */
export async function startSimulatedPrinter(options: { paperDots: number; baudRate?: number }): Promise<SimulatedPrinter> {
  const pty = await openPtyPair();
  const printer = new VirtualPrinter(options.paperDots);
  let link: SerialLink | null = null;
  const attach = async () => {
    await link?.close();
    const opened = await SerialLink.open(pty.b, options.baudRate ?? 115200, {
      onBytes: (chunk) => printer.receive(chunk),
      // Only forget the link that was lost: a late notice about the previous one must not drop a re-attached link.
      onLost: () => {
        if (link === mine) link = null;
      },
    });
    if (!opened.ok) throw new Error(`virtual printer cannot open its pty end: ${opened.error.extended}`);
    const mine: SerialLink = opened.value;
    link = mine;
    printer.reset();
    printer.connect((bytes) => void link?.write(bytes));
  };
  await attach();
  return {
    path: pty.a,
    printer,
    pty,
    reattach: attach,
    async close() {
      await link?.close();
      await pty.close();
    },
  };
}
