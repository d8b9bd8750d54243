import { SerialLink, openPtyPair, type PtyPair } from '../../device';

export interface SimulatedSerialScanner {
  /** Give this path to `SerialScanner`. */
  readonly path: string;
  readonly pty: PtyPair;
  /** Sends one code the way a scanner configured with an AIM prefix and CR LF suffix does. */
  scan(text: string, options?: { aim?: string; suffix?: '\r' | '\r\n' | '\n' }): Promise<boolean>;
  /** Sends raw bytes (line noise, a wrong baud rate). */
  sendRaw(bytes: Uint8Array): Promise<boolean>;
  reattach(): Promise<void>;
  close(): Promise<void>;
}

/** A serial barcode scanner in software, behind a real pty pair. */
export async function startSimulatedSerialScanner(baudRate = 9600): Promise<SimulatedSerialScanner> {
  const pty = await openPtyPair();
  let link: SerialLink | null = null;
  const attach = async () => {
    await link?.close();
    const opened = await SerialLink.open(pty.b, baudRate, {
      onBytes: () => undefined,
      onLost: () => {
        if (link === mine) link = null;
      },
    });
    if (!opened.ok) throw new Error(`scanner simulator cannot open its pty end: ${opened.error.extended}`);
    const mine: SerialLink = opened.value;
    link = mine;
  };
  await attach();
  const send = async (bytes: Uint8Array) => (link ? (await link.write(bytes)).ok : false);
  return {
    path: pty.a,
    pty,
    scan: (text, options = {}) => send(Buffer.from(`${options.aim ?? ''}${text}${options.suffix ?? '\r\n'}`, 'utf8')),
    sendRaw: send,
    reattach: attach,
    async close() {
      await link?.close();
      await pty.close();
    },
  };
}
