import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest orders files by the durations it cached on this machine; a clean CI
 * checkout has none and falls back to file size, so a two-minute file can
 * start last and leave one core idle at the end. This orders by the file
 * durations measured on CI's two cores (`test/durations.json`, regenerated
 * with `npx tsx scripts/test-durations.ts REPORT.json`): longest first, so the
 * two workers finish together. Files not listed keep vitest's own order
 * after the listed ones.
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const durations = JSON.parse(readFileSync(path.join(root, 'test', 'durations.json'), 'utf8')) as Record<string, number>;
    const seconds = (f: TestSpecification) => durations[path.relative(root, f.moduleId).split(path.sep).join('/')] ?? 0;
    // Array.prototype.sort is stable: unlisted files (0 s) keep vitest's order.
    return (await super.sort(files)).sort((a, b) => seconds(b) - seconds(a));
  }
}
