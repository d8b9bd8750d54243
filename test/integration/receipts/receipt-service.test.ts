import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../contract';
import { ReceiptPrinter } from '../../../drivers/printer/receipt-printer';
import { startSimulatedPrinter, type SimulatedPrinter } from '../../../drivers/printer/sim/pty-sim';
import { EventBus } from '../../../host/api/events';
import { createLogger } from '../../../host/log';
import { ReceiptService, type ReceiptRequest } from '../../../host/resident/receipts';
import { receiptsForJourneys } from '../../../host/resident/receipts-for-journeys';
import { SessionService } from '../../../host/resident/session';
import { WIRED_JOURNEYS } from '../../../contract/journeys';

const request: ReceiptRequest = {
  localNumber: 'SX2611260007',
  oneThingName: '开办餐饮店"一件事"',
  subItems: [
    { name: '营业执照', department: '市场监管局' },
    { name: '食品经营许可', department: '市场监管局' },
  ],
  applicantName: '李*',
  applicantIdNumber: '140…5678',
  submittedAt: '2026-11-26T08:00:00+08:00',
  deadline: '2026-12-01',
};

describe('receipt service: jobs bound to sessions, held when paper is out, never lost', () => {
  let sim: SimulatedPrinter;
  let printer: ReceiptPrinter;
  let bus: EventBus;
  let session: SessionService;
  let receipts: ReceiptService;
  let events: EventMessage[];

  beforeEach(async () => {
    sim = await startSimulatedPrinter({ paperDots: 384 });
    printer = new ReceiptPrinter({ path: sim.path, baudRate: 115200, pollMs: 100, replyMs: 400 });
    await printer.open();
    printer.claim();
    printer.enable();
    bus = new EventBus();
    events = [];
    bus.subscribe((m) => events.push(m));
    session = new SessionService(bus);
    receipts = new ReceiptService(
      { kioskId: 'SX-TEST-0002', servicePoint: '晋中市榆次区政务服务中心', paperWidthMm: 58, progressBaseUrl: 'https://kiosk.example.gov.cn/progress' },
      printer,
      session,
      bus,
      createLogger({ level: 'silent' }),
    );
  });

  afterEach(async () => {
    await printer.close();
    await sim.close();
  });

  it('prints for the current session with the progress URL in the QR', async () => {
    const s = session.begin();
    const r = await receipts.print(s.id, request);
    expect(r.ok && r.value.status).toBe('printed');
    await expect.poll(() => sim.printer.lastDocument()?.complete).toBe(true);
    const qr = sim.printer.lastDocument()!.elements.find((e) => e.kind === 'qr');
    expect(qr?.kind === 'qr' && qr.data).toBe('https://kiosk.example.gov.cn/progress?n=SX2611260007');
    expect(events.some((e) => e.event === 'receipts.job' && (e.payload as { status: string }).status === 'printed')).toBe(true);
  });

  it('refuses a job for a session that is not the current one', async () => {
    const old = session.begin();
    session.begin();
    const r = await receipts.print(old.id, request);
    expect(r).toMatchObject({ ok: false, code: 'no-session' });
    expect(sim.printer.documents()).toHaveLength(0);
  });

  it('holds the job when out of paper, hands back the receipt for the screen, and prints it when paper returns', async () => {
    const s = session.begin();
    sim.printer.set({ paper: 'end' });
    await expect.poll(() => receipts.condition().paper).toBe('end');
    const r = await receipts.print(s.id, request);
    if (!r.ok || r.value.status !== 'held') throw new Error(`expected held, got ${JSON.stringify(r)}`);
    expect(r.value.reason).toBe('PAPER-END');
    expect(r.value.message).toContain('窗口');
    expect(r.value.receipt.localNumber).toBe('SX2611260007');
    expect(receipts.held(s.id).map((h) => h.jobId)).toEqual([r.value.jobId]);
    expect(receipts.condition().heldJobs).toBe(1);

    sim.printer.set({ paper: 'ok' });
    await expect.poll(() => receipts.held(s.id).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => sim.printer.lastDocument()?.complete).toBe(true);
  });

  it('a job torn by paper end mid-way is held, not counted as printed', async () => {
    const s = session.begin();
    sim.printer.set({ linesLeft: 4 });
    const r = await receipts.print(s.id, request);
    expect(r.ok && r.value.status === 'held' && r.value.reason).toBe('PAPER-END-MID-JOB');
  });

  it('drops held jobs when their session ends, and says so', async () => {
    const s = session.begin();
    sim.printer.set({ coverOpen: true });
    await expect.poll(() => receipts.condition().coverOpen).toBe(true);
    const r = await receipts.print(s.id, request);
    expect(r.ok && r.value.status).toBe('held');
    session.end('finished');
    expect(receipts.held(s.id)).toEqual([]);
    expect(events.some((e) => e.event === 'receipts.job' && (e.payload as { status: string }).status === 'dropped')).toBe(true);
  });

  it('gives the journey service a screen copy either way', async () => {
    const s = session.begin();
    sim.printer.set({ paper: 'end' });
    await expect.poll(() => receipts.condition().paper).toBe('end');
    const port = receiptsForJourneys(receipts);
    const r = await port.print(s.id, { ...request, thingName: request.oneThingName });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.printed).toBe(false);
    expect(r.value.problem?.code).toBe('PAPER-END');
    expect(r.value.qrText).toContain('n=SX2611260007');
    expect(r.value.lines).toContainEqual({ label: '受理编号', value: 'SX2611260007' });
  });

  it('prints every wired journey\'s time-limit sentence, wrapped, with the materials promised under 告知承诺', async () => {
    const s = session.begin();
    const port = receiptsForJourneys(receipts);
    for (const journey of WIRED_JOURNEYS) {
      const deadline = journey.guide.timeLimit.zh;
      const r = await port.print(s.id, { ...request, thingName: request.oneThingName, deadline, commitments: ['营业场所使用证明'] });
      if (!r.ok) throw new Error(`${journey.oneThing}: ${r.message} ${r.detail ?? ''}`);
      expect(r.value.problem, journey.oneThing).toBeNull();
      expect(r.value.printed, journey.oneThing).toBe(true);
      expect(r.value.lines).toContainEqual({ label: '承诺补交1', value: '营业场所使用证明' });
      // The simulator keeps its latest documents only: wait for this receipt's paper by its wrapped deadline.
      const paperText = () =>
        (sim.printer.lastDocument()?.elements ?? [])
          .flatMap((e) => (e.kind === 'text' ? [e.runs.map((run) => run.text).join('')] : []))
          .join('')
          .replaceAll(' ', '');
      await expect.poll(() => sim.printer.lastDocument()?.complete && paperText().includes(deadline.replaceAll(' ', '')), { message: journey.oneThing }).toBe(true);
      const text = paperText();
      expect(text).toContain('告知承诺');
      expect(text).toContain('1.营业场所使用证明');
    }
  });

  it('a receipt that cannot be composed is shown on screen with the printed QR, without blaming the printer', async () => {
    const s = session.begin();
    const port = receiptsForJourneys(receipts);
    const r = await port.print(s.id, { ...request, thingName: request.oneThingName, deadline: '很'.repeat(300) });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.printed).toBe(false);
    expect(r.value.problem?.message).not.toMatch(/打印机/);
    expect(r.value.qrText).toBe('https://kiosk.example.gov.cn/progress?n=SX2611260007');
  });
});
