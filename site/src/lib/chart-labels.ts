/**
 * Labels of the build-time SVG charts (components/BarChart.astro) broken into lines that fit
 * their column, so none is cut (恩施土家族苗族自治州, a product category with its standard in
 * brackets). The SVG has no text layout of its own and the build has no fonts to measure with, so
 * widths are estimated on the safe side: a CJK character or full-width sign is 1 em, anything
 * else 0.62 em (Noto Sans CJK's Latin letters and digits are narrower). The browser test measures
 * the drawn text against the chart's box at phone and desktop width.
 */
/** font size of a label on one line, and of each line of a wrapped label */
export const ONE_LINE = 15;
export const WRAPPED = 13;
/** distance between the lines of a wrapped label */
export const LINE = 15;

const wide = (ch: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch);

/** estimated width of a text in px at a font size */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += wide(ch) ? 1 : 0.62;
  return em * size;
}

/** one label's lines: itself when it fits at ONE_LINE, else broken at WRAPPED into lines that fit */
export function wrapLabel(label: string, maxWidth: number): string[] {
  if (textWidth(label, ONE_LINE) <= maxWidth) return [label];
  const lines: string[] = [];
  let line = '';
  for (const ch of label) {
    if (line && textWidth(line + ch, WRAPPED) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  // balance two lines (恩施土家族 / 苗族自治州 rather than a long line and a short one)
  if (lines.length === 2) {
    const chars = [...label];
    const half = Math.ceil(chars.length / 2);
    const a = chars.slice(0, half).join('');
    const b = chars.slice(half).join('');
    if (textWidth(a, WRAPPED) <= maxWidth && textWidth(b, WRAPPED) <= maxWidth) return [a, b];
  }
  return lines;
}

export const labelLines = (labels: string[], maxWidth: number) => labels.map((l) => wrapLabel(l, maxWidth));
