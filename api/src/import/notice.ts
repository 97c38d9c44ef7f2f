/**
 * What the bureau may attach to a batch at import: its official notice (公告) — the address and/or
 * the 文号 — and, for a certification announcement, how many items the committee reviewed
 * (资料评审, the funnel step between the standard evaluation and the certified list, seed 002).
 * Checked before the file is read, so a wrong value imports nothing.
 */
import { Batch, maxLengths } from '@hub/db';

export interface BatchNotice {
  noticeUrl?: string;
  noticeNo?: string;
  reviewedItems?: number;
}

/** A value the bureau gave that cannot be stored: said in Chinese and English, with what to fix. */
export class NoticeRejected extends Error {
  constructor(
    readonly option: 'noticeUrl' | 'noticeNo' | 'reviewedItems',
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
  }
}

const MAX = maxLengths(Batch, ['noticeUrl', 'noticeNo']);

/**
 * The notice as it will be stored; throws {@link NoticeRejected}. Only an absolute http(s) address
 * is a link the site may show (a `javascript:` or `data:` address would run in the reader's
 * browser); the address is kept as the URL parser writes it.
 */
export function checkBatchNotice(raw: { noticeUrl?: string | null; noticeNo?: string | null; reviewedItems?: number | null }): BatchNotice {
  const notice: BatchNotice = {};
  const url = raw.noticeUrl?.trim();
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      throw new NoticeRejected(
        'noticeUrl',
        `公告链接 "${url}" 不是 http 或 https 网址（应形如 https://scjg.hubei.gov.cn/…）`,
        `notice URL "${url}" is not an http or https address (give one like https://scjg.hubei.gov.cn/…)`,
      );
    }
    if (parsed.href.length > MAX.noticeUrl) {
      throw new NoticeRejected('noticeUrl', `公告链接超过 ${MAX.noticeUrl} 个字符`, `notice URL longer than ${MAX.noticeUrl} characters`);
    }
    notice.noticeUrl = parsed.href;
  }
  const no = raw.noticeNo?.trim();
  if (no) {
    if (no.length > MAX.noticeNo) {
      throw new NoticeRejected('noticeNo', `公告文号超过 ${MAX.noticeNo} 个字符`, `notice number longer than ${MAX.noticeNo} characters`);
    }
    notice.noticeNo = no;
  }
  if (raw.reviewedItems !== undefined && raw.reviewedItems !== null) {
    if (!Number.isInteger(raw.reviewedItems) || raw.reviewedItems < 0 || raw.reviewedItems > 100_000) {
      throw new NoticeRejected(
        'reviewedItems',
        `资料评审项数应为非负整数，实为 "${raw.reviewedItems}"`,
        `reviewed items must be a whole number ≥ 0, got "${raw.reviewedItems}"`,
      );
    }
    notice.reviewedItems = raw.reviewedItems;
  }
  return notice;
}
