/**
 * The records only the open data carries: every public enterprise, the cultivation library, the
 * standard evaluations, the self-reports and the rectification notices — read from the public
 * API like everything else, so a file holds no more than an anonymous client can ask for.
 */
import {
  CultivationEntriesDocument,
  OpenEnterprisesDocument,
  RectificationNoticesDocument,
  SelfReportsDocument,
  StandardEvaluationsDocument,
  type OpenCultivationEntryFragment,
  type OpenEnterpriseFragment,
  type OpenRectificationNoticeFragment,
  type OpenSelfReportFragment,
  type OpenStandardEvaluationFragment,
} from '../../gql/graphql.ts';
import { all, request } from '../api.ts';

export type OpenEnterprise = OpenEnterpriseFragment;
export type CultivationEntry = OpenCultivationEntryFragment;
export type StandardEvaluation = OpenStandardEvaluationFragment;
export type SelfReport = OpenSelfReportFragment;
export type RectificationNotice = OpenRectificationNoticeFragment;

export interface OpenRecords {
  enterprises: OpenEnterprise[];
  cultivation: CultivationEntry[];
  evaluations: StandardEvaluation[];
  selfReports: SelfReport[];
  rectificationNotices: RectificationNotice[];
}

/** `selfReportYears`: the years a self-report was due in (000 Art. 9: every year after certification). */
export async function loadOpenRecords(selfReportYears: number[]): Promise<OpenRecords> {
  const [enterprises, cultivation, evaluations, rectificationNotices, ...reports] = await Promise.all([
    all(OpenEnterprisesDocument, (d) => d.enterprises, {}),
    all(CultivationEntriesDocument, (d) => d.cultivationEntries, {}),
    all(StandardEvaluationsDocument, (d) => d.standardEvaluations, {}),
    all(RectificationNoticesDocument, (d) => d.rectificationNotices, {}),
    ...selfReportYears.map((year) => request(SelfReportsDocument, { year }).then((d) => d.selfReports)),
  ]);
  return { enterprises, cultivation, evaluations, rectificationNotices, selfReports: reports.flat() };
}
