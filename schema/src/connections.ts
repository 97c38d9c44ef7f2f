import { Connection } from './common.ts';
import { Batch, RecordChange } from './batch.type.ts';
import { PublicCorrection } from './correction.type.ts';
import { RectificationNotice } from './dynamic-management.type.ts';
import { Enterprise } from './enterprise.type.ts';
import { CertifiedItem, CultivationEntry, LogoAuthorisation, StandardEvaluation } from './registry.type.ts';
import { ConsumerWarning, Revocation } from './revocation.type.ts';
import { SpotCheck } from './spot-check.type.ts';

/** The connection (paged list) types of the Query fields. */
export const SpotCheckConnection = Connection('SpotCheck', SpotCheck, 'A page of spot-check results.');
export const CertifiedItemConnection = Connection('CertifiedItem', CertifiedItem, 'A page of certified items.');
export const CultivationEntryConnection = Connection('CultivationEntry', CultivationEntry, 'A page of cultivation-library entries.');
export const StandardEvaluationConnection = Connection('StandardEvaluation', StandardEvaluation, 'A page of standard evaluations.');
export const EnterpriseConnection = Connection('Enterprise', Enterprise, 'A page of enterprises.');
export const BatchConnection = Connection('Batch', Batch, 'A page of batches.');
export const RecordChangeConnection = Connection('RecordChange', RecordChange, 'A page of record changes.');
export const RevocationConnection = Connection('Revocation', Revocation, 'A page of revocation decisions.');
export const ConsumerWarningConnection = Connection('ConsumerWarning', ConsumerWarning, 'A page of consumer warnings.');
export const RectificationNoticeConnection = Connection('RectificationNotice', RectificationNotice, 'A page of rectification notices.');
export const PublicCorrectionConnection = Connection('PublicCorrection', PublicCorrection, 'A page of public corrections.');
export const LogoAuthorisationConnection = Connection('LogoAuthorisation', LogoAuthorisation, 'A page of logo authorisations.');
