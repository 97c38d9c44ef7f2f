import type { CertificationStatus, CertifiedItemArgs, CertifiedItemRow, ConnectionShape } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export async function listCertifiedItems(ctx: HubContext, args: CertifiedItemArgs): Promise<ConnectionShape<CertifiedItemRow>> {
  const page = await ctx.repos.certification.list(args);
  // the enterprises read with the page answer `enterprise` without another statement
  for (const item of page.nodes) if (item.enterpriseRow) ctx.repos.enterprises.prime(item.enterpriseRow);
  return page;
}

export function certifiedItemByNo(ctx: HubContext, certificateNo: string): Promise<CertifiedItemRow | null> {
  return ctx.repos.certification.byCertificateNo(certificateNo.trim());
}

/** 认定状态 on a date (default today): 000 Art. 15–16, as the repository's SQL defines it for lists too. */
export function certificationStatus(ctx: HubContext, item: CertifiedItemRow, asOf?: string): Promise<CertificationStatus | null> {
  const date = asOf ?? ctx.today;
  if (date === ctx.today && item.statusToday) return Promise.resolve(item.statusToday as CertificationStatus);
  return ctx.repos.certification.status(item.dbId, date);
}
