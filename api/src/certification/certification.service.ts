import type { CertificationStatus, CertifiedItemArgs, CertifiedItemRow, ConnectionShape } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export function listCertifiedItems(ctx: HubContext, args: CertifiedItemArgs): Promise<ConnectionShape<CertifiedItemRow>> {
  return ctx.repos.certification.list(args);
}

export function certifiedItemByNo(ctx: HubContext, certificateNo: string): Promise<CertifiedItemRow | null> {
  return ctx.repos.certification.byCertificateNo(certificateNo.trim());
}

/** 认定状态 on a date (default today): 000 Art. 15–16, as the repository's SQL defines it for lists too. */
export function certificationStatus(ctx: HubContext, item: CertifiedItemRow, asOf?: string): Promise<CertificationStatus | null> {
  return ctx.repos.certification.status(item.dbId, asOf ?? ctx.today);
}
