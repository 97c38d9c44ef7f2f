import { describe, expect, it } from 'vitest';
import {
  decisionStopsAuthorisation,
  logoAuthorisationStatus,
  type LogoAuthorisationRecord,
  type RevocationDecision,
} from '@hub/api/rules/logo.ts';

const ENTERPRISE = 7;
const ITEM = 41;
const OTHER_ITEM = 42;

const certified: LogoAuthorisationRecord = {
  basis: 'certified',
  enterpriseId: ENTERPRISE,
  certifiedItemId: ITEM,
  authorisedOn: '2024-03-25',
  validUntil: '2027-03-11',
};
const selfDeclared: LogoAuthorisationRecord = { ...certified, basis: 'yangtze_award', certifiedItemId: null };

const decision = (decisionNo: string, decidedOn: string, itemIds: number[], enterpriseId = ENTERPRISE): RevocationDecision => ({
  decisionNo,
  decidedOn,
  enterpriseId,
  itemIds,
});

describe('logoAuthorisationStatus (000 Art. 16, seed 002)', () => {
  it.each([
    ['2024-03-24', 'not_yet_valid'],
    ['2024-03-25', 'valid'],
    ['2027-03-11', 'valid'],
    ['2027-03-12', 'expired'],
  ])('on %s an authorisation of 2024-03-25 through 2027-03-11 is %s', (asOf, validity) => {
    expect(logoAuthorisationStatus(certified, [], asOf)).toMatchObject({ validity, stoppedOn: null, stoppedBy: null });
  });

  it('is valid with no end of term recorded', () => {
    expect(logoAuthorisationStatus({ ...certified, validUntil: null }, [], '2040-01-01').validity).toBe('valid');
  });

  it('stops on the day the item’s revocation is decided, not at the end of its term', () => {
    const d = decision('鄂精品委〔2025〕3号', '2025-12-01', [ITEM]);
    expect(logoAuthorisationStatus(certified, [d], '2025-11-30').validity).toBe('valid');
    const stopped = logoAuthorisationStatus(certified, [d], '2025-12-01');
    expect(stopped).toMatchObject({ validity: 'stopped', stoppedOn: '2025-12-01', stoppedBy: d, article: '000 Art. 16' });
    expect(stopped.reason).toContain('鄂精品委〔2025〕3号');
    // still stopped after the term would have ended: stopped is what happened, not expired
    expect(logoAuthorisationStatus(certified, [d], '2028-01-01').validity).toBe('stopped');
  });

  it('is not stopped by a revocation of another item of the same enterprise', () => {
    const d = decision('鄂精品委〔2025〕4号', '2025-12-01', [OTHER_ITEM]);
    expect(logoAuthorisationStatus(certified, [d], '2026-01-01').validity).toBe('valid');
  });

  it('takes the earliest stopping decision known by the date asked about', () => {
    const later = decision('B', '2026-05-01', [ITEM]);
    const earlier = decision('A', '2026-02-01', [ITEM]);
    expect(logoAuthorisationStatus(certified, [later, earlier], '2026-06-01')).toMatchObject({
      stoppedOn: '2026-02-01',
      stoppedBy: earlier,
    });
    expect(logoAuthorisationStatus(certified, [later], '2026-04-30').validity).toBe('valid');
  });

  it('stays expired when the revocation comes after the term ended', () => {
    const d = decision('C', '2027-06-01', [ITEM]);
    expect(decisionStopsAuthorisation(certified, d)).toBe(false);
    expect(logoAuthorisationStatus(certified, [d], '2027-07-01').validity).toBe('expired');
  });

  it('never shows a revoked item’s logo as valid, even when the revocation predates the authorisation', () => {
    const d = decision('D', '2024-01-10', [ITEM]);
    expect(logoAuthorisationStatus(certified, [d], '2025-01-01')).toMatchObject({ validity: 'stopped', stoppedOn: '2024-01-10' });
  });

  describe('a 长江质量奖 self-declaration (seed 001 附件2)', () => {
    it('is stopped by any revocation against its enterprise, from the decision’s date', () => {
      const d = decision('E', '2026-03-10', [OTHER_ITEM]);
      expect(logoAuthorisationStatus(selfDeclared, [d], '2026-03-09').validity).toBe('valid');
      expect(logoAuthorisationStatus(selfDeclared, [d], '2026-03-10')).toMatchObject({
        validity: 'stopped',
        stoppedOn: '2026-03-10',
        stoppedBy: d,
      });
    });

    it('is not stopped by a revocation against another enterprise', () => {
      expect(logoAuthorisationStatus(selfDeclared, [decision('F', '2026-03-10', [ITEM], 8)], '2026-04-01').validity).toBe('valid');
    });

    it('is not stopped by a decision the committee knew of when it accepted the declaration', () => {
      expect(logoAuthorisationStatus(selfDeclared, [decision('G', '2020-05-01', [OTHER_ITEM])], '2025-01-01').validity).toBe('valid');
    });
  });
});
