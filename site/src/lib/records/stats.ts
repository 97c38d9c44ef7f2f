/** Counts as the API counts them: totals by dimension, round funnels, the year's report figures. */
import {
  StatisticsDocument,
  SummaryDocument,
  YearReportDocument,
  type StatFragment,
  type StatisticsQuery,
  type YearReportQuery,
} from '../../gql/graphql.ts';
import { request } from '../api.ts';

export type Stat = StatFragment;
export type Summary = Awaited<ReturnType<typeof loadSummary>>;
export type Statistics = StatisticsQuery;
export type RoundFunnel = StatisticsQuery['roundFunnels'][number];
/** a year's counts, coverage of certified products (000 Art. 13) and self-reports (000 Art. 9–10) */
export type YearFigures = YearReportQuery;
export type Coverage = YearReportQuery['coverage'];

export const loadSummary = async () => (await request(SummaryDocument)).summary;

export const loadStatistics = () => request(StatisticsDocument);

export const loadYearFigures = (year: number) => request(YearReportDocument, { year, from: `${year}-01-01`, to: `${year}-12-31` });
