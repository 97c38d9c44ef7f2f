import { CertificationStatus, type CertifiedItemArgs, type CertifiedItemRow, type ConnectionShape } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export function listCertifiedItems(ctx: HubContext, args: CertifiedItemArgs): Promise<ConnectionShape<CertifiedItemRow>> {
  return ctx.repos.certification.list(args);
}

export function certifiedItemByNo(ctx: HubContext, certificateNo: string): Promise<CertifiedItemRow | null> {
  return ctx.repos.certification.byCertificateNo(certificateNo.trim());
}

/** 认定状态 on a date (default today). */
export async function certificationStatus(ctx: HubContext, item: CertifiedItemRow, asOf?: string): Promise<CertificationStatus> {
  const date = asOf ?? ctx.today;
  const [revocations, open] = await Promise.all([
    ctx.repos.revocations.byCertifiedItem(item.dbId),
    ctx.repos.certification.rectificationOpen(item.dbId, date),
  ]);
  if (revocations.some((r) => r.decidedOn <= date)) return CertificationStatus.revoked;
  return open ? CertificationStatus.under_rectification : CertificationStatus.in_force;
}
