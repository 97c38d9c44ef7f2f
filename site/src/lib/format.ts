/**
 * How the pages write numbers, dates, article citations and the programme's documents. The
 * words themselves (codes → Chinese) are the shared vocabulary, `@hub/db/vocabulary`.
 */
import { PROGRAMME as NAME, Regulation } from '@hub/db/vocabulary';

export const PROGRAMME = NAME.label;
export const PROGRAMME_EN = NAME.english;
/** 《湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法》 and its short form 《处理办法》 */
export const RESULT_RULES = `《${Regulation.entries['003'].label}》`;
export const RESULT_RULES_SHORT = `《${Regulation.entries['003'].shortLabel}》`;
/** 《“湖北精品”动态管理办法》 and 《动态管理办法》 */
export const DYNAMIC_RULES = `《${Regulation.entries['000'].label}》`;
export const DYNAMIC_RULES_SHORT = `《${Regulation.entries['000'].shortLabel}》`;

export const percent = (rate: number | null | undefined, digits = 1) =>
  rate == null || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(digits)}%`;

export const count = (n: number) => n.toLocaleString('zh-CN');

/** yyyy-mm-dd in China for an instant */
export const chinaDate = (iso: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** 2026-03-10 → 2026年3月10日 */
export function dateLabel(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals: 7 → 七, 17 → 十七, 27 → 二十七 */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 27(4)1, 27(4)–(5), 27(5): an article's paragraph (项) and item (目) */
const CLAUSE = /^(\d+)\((\d+)\)(?:\s*[–-]\s*\((\d+)\))?(\d+)?$/;

/**
 * The article part of a citation in Chinese, without the document: '9–10' → '第九至十条';
 * '17, 20' → '第十七、二十条'; '27(4)1' → '第二十七条第（四）项第1目'; '27(4)–(5)' → '第二十七条第（四）至（五）项'.
 */
export function clauseLabel(articles: string): string {
  const parts = articles.split(/,\s*/);
  if (parts.some((part) => CLAUSE.test(part))) {
    return parts
      .map((part) => {
        const c = CLAUSE.exec(part);
        if (!c) return clauseLabel(part);
        const paragraphs = `（${chineseNumber(Number(c[2]))}）${c[3] ? `至（${chineseNumber(Number(c[3]))}）` : ''}`;
        return `第${chineseNumber(Number(c[1]))}条第${paragraphs}项${c[4] ? `第${c[4]}目` : ''}`;
      })
      .join('、');
  }
  const numbers = parts.map((part) => {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
    if (range) return `${chineseNumber(Number(range[1]))}至${chineseNumber(Number(range[2]))}`;
    const single = /^(\d+)(.*)$/.exec(part);
    return single ? chineseNumber(Number(single[1])) + single[2] : part;
  });
  return `第${numbers.join('、')}条`;
}

/**
 * '003 Art. 9–10' → '《处理办法》第九至十条'; '003 Art. 17, 20' → '《处理办法》第十七、二十条';
 * '000 Art. 16' → '《动态管理办法》第十六条'. Anything else is shown as it is.
 */
export function articleLabel(article: string): string {
  const m = /^(\d{3})\s+Art\.\s+(.+)$/.exec(article.trim());
  const regulation = m ? Regulation.find(m[1]) : undefined;
  if (!m || !regulation) return article;
  return `《${regulation.shortLabel}》${clauseLabel(m[2])}`;
}
