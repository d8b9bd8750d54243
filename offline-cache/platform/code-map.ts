import { readFileSync } from 'node:fs';
import { CodeMap, CodeMapSchema } from '../../contract/code-map';

export { CodeMap, describeMissing, missingCodes, UnmappedCodeError } from '../../contract/code-map';

/** A code map file that cannot be used: names the file and the first problem. */
export class CodeMapError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`code map ${file}: ${reason}`);
  }
}

/** Reads and validates a code map file; one `CodeMapError` naming the file and the first problem. */
export function loadCodeMap(file: string): CodeMap {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CodeMapError(file, code ? `expected a readable JSON file, ${code}` : `expected valid JSON, ${(e as Error).message}`);
  }
  const parsed = CodeMapSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CodeMapError(file, `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  try {
    return new CodeMap(parsed.data);
  } catch (e) {
    throw new CodeMapError(file, (e as Error).message);
  }
}

