/**
 * 这个标识还有效吗: whether a 湖北精品 logo authorisation (标识使用授权) may be used on a date.
 *
 * An authorisation rests either on a certified item (认定) or, for 长江质量奖 winners, on a
 * self-declaration (seed 001 附件2 《"湖北精品"标识使用授权申请自我声明》). It is used within the
 * scope and term of the authorisation (seed 002: "严格按照授权协议规定的授权范围和期限使用"), and
 * stops at once when the committee revokes (000 Art. 16: "撤销认定，相关市场主体应立即停止使用
 * '湖北精品'标识"). Pure: no database, no clock; the caller gives the date.
 *
 * Which decisions stop which authorisation is our reading, written in docs/decisions.md:
 * - an authorisation for a certified item is stopped by a decision that revokes that item
 *   (named by name or by its 证书编号), whatever its date — a revoked item's logo is never
 *   shown as valid;
 * - a self-declaration names no certified item: it is stopped by any revocation decision
 *   against its enterprise dated on or after the authorisation (a decision before it was known
 *   to the committee when it accepted the declaration);
 * - a decision dated after the term ended stops nothing: the authorisation had already expired.
 */
import type { LogoBasis, LogoValidity } from '@hub/db/vocabulary';
import { compareDates, type PlainDate } from '@hub/db/plain-date';

export interface LogoAuthorisationRecord {
  basis: LogoBasis;
  enterpriseId: number;
  /** the certified item it is for; null for a 长江质量奖 self-declaration */
  certifiedItemId: number | null;
  authorisedOn: PlainDate;
  /** the last day of the term (inclusive); null = no term recorded */
  validUntil: PlainDate | null;
}

/** A 撤销认定决定 (000 Art. 16) as far as the logo is concerned. */
export interface RevocationDecision {
  decisionNo: string;
  decidedOn: PlainDate;
  enterpriseId: number;
  /** the certified items it revokes */
  itemIds: readonly number[];
}

export interface LogoAuthorisationStatus<D extends RevocationDecision = RevocationDecision> {
  validity: LogoValidity;
  /** the day use stopped (the decision's date), when stopped */
  stoppedOn: PlainDate | null;
  /** the decision that stopped it */
  stoppedBy: D | null;
  /** the article or document the answer rests on */
  article: string;
  reason: string;
}

/** Does decision `d` stop authorisation `a` (whatever the date asked about)? See the module comment. */
export function decisionStopsAuthorisation(a: LogoAuthorisationRecord, d: RevocationDecision): boolean {
  if (a.validUntil !== null && compareDates(d.decidedOn, a.validUntil) > 0) return false;
  if (a.basis === 'certified') return a.certifiedItemId !== null && d.itemIds.includes(a.certifiedItemId);
  return d.enterpriseId === a.enterpriseId && compareDates(d.decidedOn, a.authorisedOn) >= 0;
}

/**
 * The authorisation as of `asOf`: stopped (from the date of the earliest decision known by
 * then that stops it, 000 Art. 16), not yet valid (before `authorisedOn`), expired (after
 * `validUntil`), or valid. A decision dated after `asOf` is not known yet.
 */
export function logoAuthorisationStatus<D extends RevocationDecision>(
  authorisation: LogoAuthorisationRecord,
  decisions: readonly D[],
  asOf: PlainDate,
): LogoAuthorisationStatus<D> {
  const stopping = decisions
    .filter((d) => compareDates(d.decidedOn, asOf) <= 0 && decisionStopsAuthorisation(authorisation, d))
    .sort((x, y) => compareDates(x.decidedOn, y.decidedOn) || x.decisionNo.localeCompare(y.decisionNo))[0];
  if (stopping) {
    const what = authorisation.basis === 'certified' ? 'revokes the certified item' : 'revokes a certification of the enterprise';
    return {
      validity: 'stopped',
      stoppedOn: stopping.decidedOn,
      stoppedBy: stopping,
      article: '000 Art. 16',
      reason: `stopped on ${stopping.decidedOn}: decision ${stopping.decisionNo} ${what}, and the logo stops at once (000 Art. 16)`,
    };
  }
  // seed 002: the logo is used within the term of the authorisation (授权期限), either basis
  const term = 'seed 002';
  if (compareDates(asOf, authorisation.authorisedOn) < 0) {
    return {
      validity: 'not_yet_valid',
      stoppedOn: null,
      stoppedBy: null,
      article: term,
      reason: `authorised from ${authorisation.authorisedOn}`,
    };
  }
  if (authorisation.validUntil !== null && compareDates(asOf, authorisation.validUntil) > 0) {
    return {
      validity: 'expired',
      stoppedOn: null,
      stoppedBy: null,
      article: term,
      reason: `the term of the authorisation ended on ${authorisation.validUntil}`,
    };
  }
  return {
    validity: 'valid',
    stoppedOn: null,
    stoppedBy: null,
    article: term,
    reason:
      authorisation.validUntil === null
        ? `authorised from ${authorisation.authorisedOn}, no end of term recorded`
        : `authorised from ${authorisation.authorisedOn} through ${authorisation.validUntil}`,
  };
}
