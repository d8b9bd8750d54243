import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeA4 } from '../../../drivers/printer/a4/compose';
import { IppQueue } from '../../../drivers/printer/a4/ipp';
import { tempDir } from '../../support/processes';
import { sampleReceipt } from '../../support/receipts';
import { until } from '../../support/until';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });


/** The product's IPP client against a private cupsd (own config, loopback port) whose queue sends to a raw socket printer (CUPS's socket backend). */
describe('A4 through a real cupsd over IPP', () => {
  let cupsd: ChildProcess;
  let dir = '';
  let out = '';
  let queue: IppQueue;
  let printerSocket: Server;
  const received: Buffer[] = [];
  beforeAll(async () => {
    dir = tempDir('cupsd');
    for (const d of ['spool', 'cache', 'state', 'log', 'tmp']) mkdirSync(path.join(dir, d), { recursive: true, mode: 0o1777 });
    out = path.join(dir, 'printed.pdf');
    // The A4 printer: a raw (JetDirect, port 9100 style) socket printer that CUPS's socket backend sends each job to.
    printerSocket = createServer((c) => {
      const chunks: Buffer[] = [];
      c.on('data', (d: Buffer) => chunks.push(d));
      c.on('end', () => received.push(Buffer.concat(chunks)));
    });
    const printerPort = await new Promise<number>((resolve) => printerSocket.listen(0, '127.0.0.1', () => resolve((printerSocket.address() as { port: number }).port)));
    const port = await freePort();
    writeFileSync(path.join(dir, 'cupsd.conf'), `Listen 127.0.0.1:${port}\nLogLevel warn\nWebInterface No\nDefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n`);
    writeFileSync(
      path.join(dir, 'cups-files.conf'),
      [`ServerRoot ${dir}`, `RequestRoot ${dir}/spool`, `CacheDir ${dir}/cache`, `StateDir ${dir}/state`, `TempDir ${dir}/tmp`, `ErrorLog ${dir}/log/error_log`, `AccessLog ${dir}/log/access_log`, `PageLog ${dir}/log/page_log`, 'FileDevice Yes', 'Sandboxing Relaxed'].join('\n') + '\n',
    );
    cupsd = spawn('cupsd', ['-f', '-c', path.join(dir, 'cupsd.conf'), '-s', path.join(dir, 'cups-files.conf')], { stdio: 'ignore' });
    await until('cupsd listening', () => {
      try {
        execFileSync('lpstat', ['-h', `127.0.0.1:${port}`, '-r'], { stdio: 'pipe' });
        return true;
      } catch {
        return null;
      }
    });
    execFileSync('lpadmin', ['-h', `127.0.0.1:${port}`, '-p', 'kiosk-a4', '-E', '-v', `socket://127.0.0.1:${printerPort}`, '-m', 'raw'], { stdio: 'pipe' });
    queue = new IppQueue(`ipp://127.0.0.1:${port}/printers/kiosk-a4`);
  });
  afterAll(() => {
    cupsd?.kill('SIGTERM');
    printerSocket?.close();
  });

  const document = async (localNumber: string) => {
    const r = await composeA4({ document: 'acceptance-notice', receipt: { ...sampleReceipt, localNumber } });
    if (!r.ok) throw new Error(r.reason);
    return r.pdf;
  };
  const printedText = () => {
    writeFileSync(out, received.at(-1)!);
    return execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
  };

  it('prints a 受理通知书: the PDF the printer received reads back with the number and names', async () => {
    const state = await queue.printerState();
    expect(state.state).toBe(3);
    expect(state.accepting).toBe(true);
    const jobId = await queue.printPdf('受理通知书 SX-DEV-0001-000007', await document('SX-DEV-0001-000007'));
    expect(jobId).toBeGreaterThan(0);
    await until('job completed', async () => ((await queue.jobState(jobId)) === 9 ? true : null));
    await until('the printer received it', () => (received.length === 1 ? true : null));
    const text = printedText();
    expect(text).toContain('SX-DEV-0001-000007');
    expect(text).toContain('受理通知书');
    expect(text).toContain('张*三');
  });

  it('queue paused → the job is kept (pending), the state says paused → resumed → printed once', async () => {
    await queue.pause();
    const paused = await queue.printerState();
    expect(paused.state).toBe(5);
    expect(paused.reasons).toContain('paused');
    const before = received.length;
    const jobId = await queue.printPdf('受理通知书 SX-DEV-0001-000008', await document('SX-DEV-0001-000008'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await queue.jobState(jobId)).toBe(3);
    expect(received.length).toBe(before);
    await queue.resume();
    await until('job completed', async () => ((await queue.jobState(jobId)) === 9 ? true : null));
    await until('the printer received it', () => (received.length === before + 1 ? true : null));
    expect(printedText()).toContain('SX-DEV-0001-000008');
    // Printed once: nothing more arrives.
    await new Promise((r) => setTimeout(r, 1500));
    expect(received.length).toBe(before + 1);
  });

  it('a malformed answer is a clear error, not a crash', async () => {
    const bad = new IppQueue('ipp://127.0.0.1:1/printers/none', 2000);
    await expect(bad.printerState()).rejects.toThrow();
  });
});
