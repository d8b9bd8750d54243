import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { maskName } from '../../contract';
import { CASE_STATE_LABELS, FINAL_CASE_STATES, type CaseState } from '../../contract/platform';
import { escapeHtml } from '../admin/html';
import type { SimContext } from '../context';

/** What the public progress page knows of one receipt number. */
export interface PublicProgress {
  readonly localNumber: string;
  readonly platformNumber: string;
  /** The overall state: every sub-item final → the last of them; otherwise the least advanced. */
  readonly state: CaseState;
  /** Only when the receipt's code matched: the matter, its sub-items and the masked applicant. */
  readonly details: {
    readonly thing: { readonly zh: string; readonly en: string };
    readonly applicant: string;
    readonly subItems: readonly { readonly zh: string; readonly en: string; readonly department: string; readonly state: CaseState }[];
  } | null;
}

const ORDER: readonly CaseState[] = ['received', 'in-review', 'returned', 'completed'];

function sameCode(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Looks a receipt number up; details only for the holder of the receipt's code. */
export function publicProgress(ctx: SimContext, localNumber: string, code: string | undefined): PublicProgress | null {
  ctx.progression.tick(ctx.clock.nowMs());
  const row = ctx.db
    .prepare(`SELECT platform_number, item_code, payload FROM intake WHERE stream = 'applications' AND json_extract(payload, '$.localNumber') = ?`)
    .get(localNumber) as { platform_number: string; item_code: string | null; payload: string } | undefined;
  if (!row) return null;
  const payload = JSON.parse(row.payload) as { receiptCode?: string; applicant?: { name?: string }; itemCode?: string };
  const tracks = ctx.db
    .prepare('SELECT sub_item_code, department, state FROM case_tracks WHERE platform_number = ? ORDER BY sub_item_code, department')
    .all(row.platform_number) as { sub_item_code: string; department: string; state: CaseState }[];
  const states = tracks.map((t) => t.state);
  const state: CaseState = states.length === 0 ? 'received' : states.every((s) => FINAL_CASE_STATES.has(s)) ? (states.includes('returned') ? 'returned' : 'completed') : states.some((s) => s === 'in-review' || FINAL_CASE_STATES.has(s)) ? 'in-review' : 'received';
  if (!sameCode(code, payload.receiptCode)) return { localNumber, platformNumber: row.platform_number, state, details: null };
  const thing = ctx.catalog.oneThing(row.item_code ?? payload.itemCode ?? '');
  const sub = (c: string) => thing?.subItems.find((s) => s.code === c);
  return {
    localNumber,
    platformNumber: row.platform_number,
    state,
    details: {
      thing: { zh: thing?.name ?? row.item_code ?? '', en: thing?.nameEn ?? row.item_code ?? '' },
      applicant: payload.applicant?.name ? maskName(payload.applicant.name) : '',
      subItems: [...tracks]
        .sort((a, b) => a.sub_item_code.localeCompare(b.sub_item_code) || ORDER.indexOf(a.state) - ORDER.indexOf(b.state))
        .map((t) => ({ zh: sub(t.sub_item_code)?.name ?? t.sub_item_code, en: sub(t.sub_item_code)?.nameEn ?? t.sub_item_code, department: t.department, state: t.state })),
    },
  };
}

const label = (s: CaseState) => `${CASE_STATE_LABELS[s].zh} <span lang="en">${CASE_STATE_LABELS[s].en}</span>`;

/** One plain page for a phone: zh-CN first, English beside every line, no script. */
export function progressPage(found: PublicProgress | null, asked: string | null): string {
  let body: string;
  if (!asked) {
    body = `<p>请用手机扫描回执上的二维码。<span lang="en">Scan the QR code on your receipt with your phone.</span></p>`;
  } else if (!found) {
    body = `<p role="status">没有查到受理编号 <strong>${escapeHtml(asked)}</strong>。刚提交的申请可能仍在终端上等待发送，请稍后再查，或拨打 12345。<span lang="en">No application with this number yet. One just submitted may still be waiting on the kiosk; try later or call 12345.</span></p>`;
  } else {
    const d = found.details;
    const rows = d
      ? `<table><caption>办理事项 <span lang="en">Items</span></caption><thead><tr><th scope="col">事项 <span lang="en">Item</span></th><th scope="col">部门 <span lang="en">Department</span></th><th scope="col">状态 <span lang="en">Status</span></th></tr></thead><tbody>${d.subItems
          .map((s) => `<tr><td>${escapeHtml(s.zh)}<br><span lang="en">${escapeHtml(s.en)}</span></td><td>${escapeHtml(s.department)}</td><td>${label(s.state)}</td></tr>`)
          .join('')}</tbody></table>`
      : `<p>回执二维码上的查询码不符，只显示办理状态。<span lang="en">The receipt code does not match: only the status is shown.</span></p>`;
    body = `<dl>
<dt>受理编号 <span lang="en">Receipt number</span></dt><dd>${escapeHtml(found.localNumber)}</dd>
<dt>平台编号 <span lang="en">Platform number</span></dt><dd>${escapeHtml(found.platformNumber)}</dd>
<dt>办理状态 <span lang="en">Status</span></dt><dd data-state="${found.state}">${label(found.state)}</dd>
${d ? `<dt>一件事 <span lang="en">One thing</span></dt><dd>${escapeHtml(d.thing.zh)}<br><span lang="en">${escapeHtml(d.thing.en)}</span></dd><dt>申请人 <span lang="en">Applicant</span></dt><dd>${escapeHtml(d.applicant)}</dd>` : ''}
</dl>
${rows}`;
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>办件进度查询 · Application progress</title>
<style>
  body { font: 18px/1.5 "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 0 auto; max-width: 720px; padding: 0 16px; color: #1a1a1a; background: #fff; }
  dt { font-weight: 700; margin-top: 8px; }
  dd { margin: 0 0 4px; }
  table { border-collapse: collapse; width: 100%; margin: 12px 0; }
  caption { text-align: left; font-weight: 700; padding: 8px 0; }
  th, td { border: 1px solid #595959; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; }
</style>
</head>
<body>
<main>
<h1>办件进度查询 <span lang="en">Application progress</span></h1>
${body}
</main>
</body>
</html>`;
}

/**
 * GET /progress?n=<receipt number>&c=<receipt code>: the page the receipt QR
 * opens. Public (a resident's phone, no kiosk signature): the status of a
 * number for anyone, the matter, sub-items and masked applicant only with
 * the receipt's code. No-store, no referrer: the code stays off caches and logs.
 */
export function registerProgressRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get<{ Querystring: { n?: string; c?: string } }>('/progress', async (req, reply) => {
    const n = typeof req.query.n === 'string' && /^[A-Z0-9-]{6,64}$/.test(req.query.n) ? req.query.n : null;
    const found = n ? publicProgress(ctx, n, typeof req.query.c === 'string' ? req.query.c : undefined) : null;
    return reply
      .code(n && !found ? 404 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(progressPage(found, n ?? (typeof req.query.n === 'string' ? req.query.n.slice(0, 64) : null)));
  });
}
