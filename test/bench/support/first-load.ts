import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The entry script of `<dir>/index.html` and every chunk it imports statically, in bytes. */
export function firstLoadJsBytes(dir: string): number {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no module script in ${dir}/index.html`);
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(path.join(dir, rel), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is a lazy chunk.
    for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(rel), m[1]!));
  };
  visit(entry);
  return [...seen].reduce((sum, rel) => sum + statSync(path.join(dir, rel)).size, 0);
}
