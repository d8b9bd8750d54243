import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../../support/processes';

/** Pids of the processes whose command line names `dir` (the socat of a pair opened there). */
function processesNaming(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

it('a process killed with SIGKILL while it holds a pty pair leaves no socat behind', async () => {
  const dir = tempDir('pty-orphan');
  const script = `import { openPtyPair } from ${JSON.stringify(path.join(REPO_ROOT, 'drivers/device/pty-pair.ts'))};
await openPtyPair({ dir: ${JSON.stringify(dir)} });
console.log('open');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the pair's process exited with ${code} before the pair was open`)));
    createInterface({ input: child.stdout! }).on('line', (l) => l === 'open' && resolve());
  });
  const socat = processesNaming(dir).filter((pid) => pid !== child.pid);
  leftovers.push(...socat);
  expect(socat).toHaveLength(1);
  expect(readFileSync(`/proc/${socat[0]}/comm`, 'utf8').trim()).toBe('socat');

  child.kill('SIGKILL');
  const deadline = Date.now() + 5000;
  while (processesNaming(dir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(processesNaming(dir)).toEqual([]);
});
