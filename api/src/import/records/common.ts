/**
 * Columns and SQL shared by the record types: the enterprise columns, and the row sources the
 * publish statements read from batch_row.
 */
import { Enterprise, maxLength } from '@hub/db';
import type { ColumnSpec } from '../row-reader.ts';

export const SEQ: ColumnSpec = { key: 'seq', header: '序号', aliases: ['序', 'no', 'no.', '行号'] };

export const ENTERPRISE_NAME: Omit<ColumnSpec, 'required'> = {
  key: 'enterpriseName',
  header: '经营主体名称',
  aliases: [
    '企业名称',
    '单位名称',
    '市场主体名称',
    '经营主体',
    '申报单位',
    '申报单位名称',
    '申报企业',
    '企业(单位)名称',
    '申报主体名称',
    '主体名称',
  ],
};

/** The enterprise's name, as long as the enterprise table holds it (db/src/entities/enterprise.ts). */
export const ENTERPRISE_NAME_MAX = maxLength(Enterprise, 'name');

export const USCC: Omit<ColumnSpec, 'required'> = {
  key: 'uscc',
  header: '统一社会信用代码',
  aliases: ['社会信用代码', '信用代码', '统一代码', '企业统一社会信用代码', '统一社会信用代码(18位)', 'uscc'],
};

export const PLACE: Omit<ColumnSpec, 'required'> = {
  key: 'place',
  header: '属地',
  aliases: ['所在地', '所属地区', '地区', '市州', '所属市州', '所在市州', '地市', '所在地区', '属地市州', '所属地'],
  note: '市州, optionally 市州/县区 or XX市XX县',
};

export const ITEM_NAME: Omit<ColumnSpec, 'required'> = {
  key: 'itemName',
  header: '产品/服务名称',
  aliases: [
    '产品名称',
    '服务名称',
    '产品(服务)名称',
    '产品或服务名称',
    '产品/服务/工程名称',
    '认定产品/服务名称',
    '认定产品名称',
    '项目名称',
    '产品服务名称',
  ],
};

export const ITEM_KIND: ColumnSpec = {
  key: 'itemKind',
  header: '类别',
  aliases: ['类型', '产品类别', '认定类别', '认定对象类别', '产品/服务/工程'],
  note: '产品 / 服务 / 工程 (default 产品)',
};

export const INDUSTRY: ColumnSpec = {
  key: 'industry',
  header: '所属行业类别',
  aliases: ['行业类别', '所属行业', '行业', '国民经济行业分类', '行业分类', '所属国民经济行业'],
  note: 'GB/T 4754 class + name, e.g. 1512 白酒制造',
};

export const ITEM_KIND_ALIASES = { 产品类: 'product', 服务类: 'service', 工程类: 'engineering', 工程项目: 'engineering' } as const;

/** The draft's rows of one record type and action, with `d` = the normalised record. */
export function rowsOf(code: string, action: 'new' | 'corrected' | 'unchanged'): string {
  return `SELECT r.id AS row_id, r.row_number, r.data->'record' AS d, r.data->'extra' AS extra
          FROM batch_row r WHERE r.batch_id = $1 AND r.action = '${action}' AND r.data->>'type' = '${code}'`;
}

/** The corrected rows of one record type with `target_id`, the published record they correct. */
export function correctedRowsOf(code: string, target: string): string {
  return `SELECT r.id AS row_id, r.row_number, x.d, r.data->'extra' AS extra, t.id AS target_id
          FROM batch_row r
          CROSS JOIN LATERAL (SELECT r.data->'record' AS d) x
          JOIN LATERAL (${target}) t ON true
          WHERE r.batch_id = $1 AND r.action = 'corrected' AND r.data->>'type' = '${code}'`;
}
