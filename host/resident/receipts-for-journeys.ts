import { ok, type PrintOutcome, type Result } from '../../contract';
import { formatShanghaiTime } from '../../drivers/printer/receipt/compose';
import type { ReceiptService } from './receipts';

/** The receipt as lines for the on-screen copy when paper is not available. */
export interface ReceiptScreenCopy {
  readonly printed: boolean;
  readonly problem: { readonly message: string; readonly code: string } | null;
  readonly qrText: string;
  readonly lines: readonly { readonly label: string; readonly value: string }[];
}

/**
 * The journey service's view of receipts (its `ReceiptsPort`): print for a
 * session, and get back what to show on screen either way.
 */
export function receiptsForJourneys(receipts: ReceiptService) {
  return {
    async print(
      sessionId: string,
      r: {
        readonly localNumber: string;
        readonly thingName: string;
        readonly subItems: readonly { readonly name: string; readonly department: string }[];
        readonly applicantName: string;
        readonly applicantIdNumber: string;
        readonly subject?: { readonly label: string; readonly name: string };
        readonly submittedAt: string;
        readonly deadline: string;
        readonly commitments?: readonly string[];
      },
    ): Promise<Result<ReceiptScreenCopy>> {
      const request = { ...r, oneThingName: r.thingName };
      const outcome: Result<PrintOutcome> = await receipts.print(sessionId, request);
      if (!outcome.ok && outcome.code === 'no-session') return outcome;
      const data = receipts.receiptFor(request);
      const commitments = data.commitments ?? [];
      const lines = [
        { label: '一件事', value: data.oneThingName },
        ...data.subItems.map((s, i) => ({ label: `事项${i + 1}`, value: `${s.name}（${s.department}）` })),
        { label: '申请人', value: data.applicantName },
        { label: '证件号码', value: data.applicantIdNumber },
        ...(data.subject ? [{ label: data.subject.label, value: data.subject.name }] : []),
        { label: '受理编号', value: data.localNumber },
        { label: '提交时间', value: formatShanghaiTime(data.submittedAt) },
        { label: '承诺办结', value: data.deadline },
        ...commitments.map((m, i) => ({ label: `承诺补交${i + 1}`, value: m })),
        { label: '咨询投诉', value: data.hotline ?? '12345' },
      ];
      // The receipt could not be composed (not a printer fault): the screen copy carries the same QR the paper would.
      if (!outcome.ok) return ok({ printed: false, problem: { message: '回执未能生成纸质版，请拍下屏幕上的回执', code: outcome.detail ?? outcome.code }, qrText: data.progressUrl, lines });
      const o = outcome.value;
      return ok({
        printed: o.status === 'printed',
        problem: o.status === 'held' ? { message: o.message, code: o.reason } : null,
        qrText: data.progressUrl,
        lines,
      });
    },
  };
}
