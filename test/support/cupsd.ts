import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { IppQueue } from '../../drivers/printer/a4/ipp';
import { tempDir } from './processes';
import { until } from './until';

/**
 * A private cupsd for one test file (its own ServerRoot in a temp folder,
 * a loopback port of its own), with the kiosk's A4 queue going to the
 * virtual PDF printer cups-pdf.
 *
 * cups-pdf reads its configuration only from /etc/cups: `cups-pdf:/NAME`
 * uses /etc/cups/cups-pdf-NAME.conf. `scripts/setup.sh --test` writes
 * `cups-pdf-onething-test.conf`, whose output folder is the fixed spool
 * folder below. Several test runs share that folder, so each test finds its
 * own PDFs by the print job id the kiosk puts first in the CUPS job name
 * (`kiosk-<uuid> 告知承诺书 …` → cups-pdf's file name starts with it).
 *
 * The queue converts PDF to PostScript with pdftocairo (the
 * `pdftops-renderer` option): cairo names glyphs by Unicode, so the PDF
 * cups-pdf distils back (Ghostscript) keeps its text and `pdftotext` reads
 * it; the default renderer's PostScript loses the CJK text mapping.
 */
export const CUPS_PDF_INSTANCE = 'onething-test';
export const CUPS_PDF_CONF = `/etc/cups/cups-pdf-${CUPS_PDF_INSTANCE}.conf`;
export const CUPS_PDF_OUT = '/var/spool/onething-cups-pdf';
const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

export interface PrivateCups {
  /** Its ServerRoot (config, spool, log/error_log). */
  readonly dir: string;
  readonly port: number;
  readonly queueName: string;
  /** ipp://127.0.0.1:<port>/printers/<queue>: what `devices.a4Printer` names. */
  readonly uri: string;
  readonly queue: IppQueue;
  /** PDFs cups-pdf wrote for this print job id (the kiosk's `print_jobs` id). */
  pdfsOf(jobId: string): string[];
  /** Text of a PDF as `pdftotext -raw` reads it (content order), whitespace removed (cairo's PostScript spaces out CJK runs). */
  textOf(file: string): string;
  /** Every job this cupsd was ever given on the queue (lpstat -W all): what the kiosk sent, printed or not. */
  jobsEver(): number;
  /** cupsdisable: the queue stops (printer-state 5, reason paused); jobs wait. */
  disable(): void;
  /** cupsenable. */
  enable(): void;
  /**
   * Sets the queue's printer-state-reasons (toner-low-warning, media-empty-error …; none for []) with
   * CUPS-Add-Modify-Printer (ipptool): the attribute a printer's driver sets through its backend's
   * STATE: messages, which cups-pdf never sends. CUPS keeps them until they are set again.
   */
  setReasons(...reasons: string[]): void;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });


/** Starts cupsd with the `kiosk-a4` queue on cups-pdf. Throws, naming the fix, when set-up has not prepared cups-pdf. */
export async function startPrivateCups(options: { queueName?: string } = {}): Promise<PrivateCups> {
  for (const needed of [CUPS_PDF_CONF, CUPS_PDF_OUT, CUPS_PDF_PPD, '/usr/lib/cups/backend/cups-pdf']) {
    if (!existsSync(needed)) throw new Error(`cups-pdf is not set up (${needed} missing): run scripts/setup.sh --test`);
  }
  const queueName = options.queueName ?? 'kiosk-a4';
  const dir = tempDir('cupsd');
  // Filters run as cupsd's unprivileged User (lp): they must reach TempDir (mkdtemp makes 0700, the umask trims mkdir's mode).
  chmodSync(dir, 0o755);
  for (const d of ['spool', 'cache', 'state', 'log', 'tmp']) {
    mkdirSync(path.join(dir, d), { recursive: true });
    chmodSync(path.join(dir, d), 0o1777);
  }
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'cupsd.conf'),
    `Listen 127.0.0.1:${port}\nLogLevel ${process.env['KIOSK_CUPSD_LOG_LEVEL'] ?? 'warn'}\nWebInterface No\nDefaultAuthType None\nJobRetryInterval 1\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n`,
  );
  writeFileSync(
    path.join(dir, 'cups-files.conf'),
    [`ServerRoot ${dir}`, `RequestRoot ${dir}/spool`, `CacheDir ${dir}/cache`, `StateDir ${dir}/state`, `TempDir ${dir}/tmp`, `ErrorLog ${dir}/log/error_log`, `AccessLog ${dir}/log/access_log`, `PageLog ${dir}/log/page_log`, 'Sandboxing Relaxed'].join('\n') + '\n',
  );
  const cupsd: ChildProcess = spawn('cupsd', ['-f', '-c', path.join(dir, 'cupsd.conf'), '-s', path.join(dir, 'cups-files.conf')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  // `lpstat -r` exits 0 also when it prints "scheduler is not running", and a scheduler that has just bound its
  // port may still refuse the first admin request ("Bad file descriptor"): wait for the sentence, then retry
  // lpadmin until the queue is made (the last error is kept for the timeout message).
  await until('cupsd listening', () => {
    try {
      return /scheduler is running/u.test(execFileSync('lpstat', ['-h', host, '-r'], { stdio: 'pipe', encoding: 'utf8' }));
    } catch {
      return false;
    }
  });
  let lastError = '';
  await until(`lpadmin to make ${queueName}`, () => {
    try {
      execFileSync('lpadmin', ['-h', host, '-p', queueName, '-E', '-v', `cups-pdf:/${CUPS_PDF_INSTANCE}`, '-P', CUPS_PDF_PPD, '-o', 'pdftops-renderer-default=pdftocairo'], { stdio: 'pipe' });
      return true;
    } catch (e) {
      lastError = String((e as { stderr?: unknown }).stderr ?? e);
      return false;
    }
  }, 20_000).catch(() => {
    throw new Error(`lpadmin could not make ${queueName}: ${lastError}`);
  });
  const uri = `ipp://${host}/printers/${queueName}`;
  const written = new Set<string>();
  return {
    dir,
    port,
    queueName,
    uri,
    queue: new IppQueue(uri),
    pdfsOf(jobId) {
      const files = readdirSync(CUPS_PDF_OUT)
        .filter((f) => f.endsWith('.pdf') && f.toLowerCase().includes(jobId.toLowerCase()))
        .map((f) => path.join(CUPS_PDF_OUT, f));
      for (const f of files) written.add(f);
      return files;
    },
    textOf(file) {
      return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    },
    jobsEver() {
      return execFileSync('lpstat', ['-h', host, '-W', 'all', '-o', queueName], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '').length;
    },
    disable() {
      execFileSync('cupsdisable', ['-h', host, queueName], { stdio: 'pipe' });
    },
    enable() {
      execFileSync('cupsenable', ['-h', host, queueName], { stdio: 'pipe' });
    },
    setReasons(...reasons) {
      if (!reasons.every((r) => /^[a-z][a-z-]*$/.test(r))) throw new Error(`not IPP keywords: ${reasons.join(',')}`);
      const file = path.join(dir, 'set-reasons.test');
      writeFileSync(
        file,
        [
          '{',
          '  NAME "printer-state-reasons"',
          '  OPERATION CUPS-Add-Modify-Printer',
          '  GROUP operation-attributes-tag',
          '  ATTR charset attributes-charset utf-8',
          '  ATTR naturalLanguage attributes-natural-language en',
          '  ATTR uri printer-uri $uri',
          '  GROUP printer-attributes-tag',
          `  ATTR keyword printer-state-reasons ${reasons.length > 0 ? reasons.join(',') : 'none'}`,
          '  STATUS successful-ok',
          '}',
        ].join('\n') + '\n',
      );
      // ipptool exits non-zero when the status is not successful-ok.
      execFileSync('ipptool', ['-q', uri, file], { stdio: 'pipe' });
    },
    async stop() {
      if (cupsd.exitCode === null && cupsd.signalCode === null) {
        const exited = new Promise((r) => cupsd.once('exit', r));
        cupsd.kill('SIGTERM');
        await exited;
      }
      // Only this run's PDFs (other runs share the folder); the private cupsd's folder goes with it.
      for (const f of written) rmSync(f, { force: true });
      // KIOSK_CUPSD_LOG_LEVEL=debug keeps the folder (its log/error_log) for a look at what cupsd did.
      if (!process.env['KIOSK_CUPSD_LOG_LEVEL']) rmSync(dir, { recursive: true, force: true });
    },
  };
}
