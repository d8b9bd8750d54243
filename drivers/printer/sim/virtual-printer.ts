import { TypedEmitter } from '../../device';
import type { PrinterFlags } from '../escpos/status';
import { encodeAutoStatus, encodeRealtimeStatus } from '../escpos/status';
import { EscPosInterpreter, type PaperElement } from './interpreter';

/** The conditions a technician (or the dev dock, or a test) can set on the virtual printer. */
export interface VirtualPrinterState {
  readonly paper: 'ok' | 'near-end' | 'end';
  readonly coverOpen: boolean;
  readonly offline: boolean;
  readonly cutterError: boolean;
  /** Text lines left on the roll; null = endless. Reaching 0 is paper end, mid-job if need be. */
  readonly linesLeft: number | null;
}

/** One cut-off piece of paper. `complete` is false when the job was torn by paper end, cover or error. */
export interface PrintedDocument {
  readonly seq: number;
  readonly elements: readonly PaperElement[];
  readonly complete: boolean;
  readonly at: string;
}

interface VirtualPrinterEvents extends Record<string, unknown> {
  document: PrintedDocument;
  state: VirtualPrinterState;
}

const INITIAL: VirtualPrinterState = { paper: 'ok', coverOpen: false, offline: false, cutterError: false, linesLeft: null };

/**
 * An ESC/POS printer in software: bytes in through `receive`, answers out
 * through `send` (a pty end, or a function in-process). It answers real-time
 * status from its state, sends automatic status back when enabled, and keeps
 * what it printed as documents that render to PNG. While it cannot print,
 * printable data is discarded, as a real printer's would be after its buffer
 * fills — which is why the driver must check before and after a job.
 */
export class VirtualPrinter extends TypedEmitter<VirtualPrinterEvents> {
  private s: VirtualPrinterState = INITIAL;
  private asbMask = 0;
  private current: PaperElement[] = [];
  private torn = false;
  private seq = 0;
  private readonly printed: PrintedDocument[] = [];
  private readonly interpreter: EscPosInterpreter;
  private send: (bytes: Uint8Array) => void = () => undefined;
  unknownCommands = 0;

  constructor(
    readonly paperDots: number,
    private readonly keep = 20,
  ) {
    super();
    this.interpreter = new EscPosInterpreter({
      statusQuery: (n) => this.send(Uint8Array.of(encodeRealtimeStatus(n, this.flags()))),
      autoStatusBack: (mask) => {
        this.asbMask = mask;
        if (mask) this.send(encodeAutoStatus(this.flags()));
      },
      element: (e) => this.onElement(e),
      unknown: () => {
        this.unknownCommands++;
      },
    });
  }

  /** Where answers go: the pty end's write, or an in-process driver's input. */
  connect(send: (bytes: Uint8Array) => void): void {
    this.send = send;
  }

  receive(bytes: Uint8Array): void {
    this.interpreter.push(bytes);
  }

  get state(): VirtualPrinterState {
    return this.s;
  }

  set(patch: Partial<VirtualPrinterState>): void {
    const next = { ...this.s, ...patch };
    if (patch.linesLeft !== undefined && patch.linesLeft !== null && patch.linesLeft > 0 && patch.paper === undefined) next.paper = 'ok';
    const before = encodeAutoStatus(this.flags()).join();
    this.s = next;
    const after = encodeAutoStatus(this.flags());
    if (this.asbMask && after.join() !== before) this.send(after);
    this.emit('state', this.s);
  }

  /** Power cycle: the receive buffer and modes are lost, state kept. */
  reset(): void {
    this.interpreter.reset();
    this.asbMask = 0;
    this.current = [];
    this.torn = false;
  }

  documents(): readonly PrintedDocument[] {
    return this.printed;
  }

  lastDocument(): PrintedDocument | undefined {
    return this.printed.at(-1);
  }

  /** The paper as a PNG; the renderer (pngjs, qrcode, sharp) is loaded on the first call, not when the kiosk starts. */
  async renderPng(doc: PrintedDocument): Promise<Buffer> {
    const { renderPaperPng } = await import('./render-png');
    return renderPaperPng(doc.elements, this.paperDots);
  }

  flags(): PrinterFlags {
    const s = this.s;
    return {
      offline: s.offline || s.coverOpen || s.paper === 'end',
      coverOpen: s.coverOpen,
      stoppedByPaperEnd: s.paper === 'end',
      error: s.cutterError,
      cutterError: s.cutterError,
      paperNearEnd: s.paper === 'near-end',
      paperEnd: s.paper === 'end',
    };
  }

  private canPrint(): boolean {
    return this.s.paper !== 'end' && !this.s.coverOpen && !this.s.offline && !this.s.cutterError;
  }

  private onElement(e: PaperElement): void {
    if (e.kind === 'cut') {
      if (!this.canPrint()) this.torn = true;
      this.finishDocument();
      return;
    }
    if (!this.canPrint()) {
      this.torn = true;
      return;
    }
    this.current.push(e);
    if (e.kind === 'text' && this.s.linesLeft !== null) {
      const left = this.s.linesLeft - 1;
      this.set(left <= 0 ? { linesLeft: 0, paper: 'end' } : { linesLeft: left });
    }
  }

  private finishDocument(): void {
    if (this.current.length === 0 && !this.torn) return;
    const doc: PrintedDocument = { seq: ++this.seq, elements: this.current, complete: !this.torn, at: new Date().toISOString() };
    this.current = [];
    this.torn = false;
    this.printed.push(doc);
    if (this.printed.length > this.keep) this.printed.shift();
    this.emit('document', doc);
  }
}
