/**
 * 引用本页: a record's citation in the style of GB/T 7714-2015 for electronic resources
 * (主要责任者. 题名[文献类型标识/载体]. 出版地/出版者, (更新日期)[引用日期]. 获取和访问路径.),
 * with the record's batch and version, so a citation names the exact version it quotes. The
 * 更新日期 is the record's own (published or last changed); the 引用日期 is the day the reader
 * consults the page, which a static page cannot know: it is left for the citer to fill in
 * ([引用日期]), so the page stays the same from day to day and is reused by incremental builds.
 */
import { OPEN_DATA_LICENCE } from '@hub/db/vocabulary';
import { absolute } from './site.ts';

export const PUBLISHER = '湖北省市场监督管理局';

export interface CitationInput {
  title: string;
  /** site path of the record's page (its permalink) */
  path: string;
  /** yyyy-mm-dd: when the record was published or last changed */
  updated: string | null | undefined;
  batch?: string | null;
  version?: number | null;
}

export function citation(c: CitationInput): string {
  const about = [c.batch && `发布批次：${c.batch}`, c.version && `记录版本：第${c.version}版`].filter(Boolean).join('；');
  const title = `${c.title}${about ? `（${about}）` : ''}`;
  return `${PUBLISHER}. ${title}[EB/OL]. ${OPEN_DATA_LICENCE.attribution}, ${c.updated ? `(${c.updated})` : ''}[引用日期]. ${absolute(c.path)}.`;
}
