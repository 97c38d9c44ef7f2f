/** The public record of corrections: failures no longer published, and corrected or removed records. */
import {
  PublicCorrectionsDocument,
  RecordCorrectionsDocument,
  type PublicCorrectionsQuery,
  type RecordCorrectionsQuery,
} from '../../gql/graphql.ts';
import { all } from '../api.ts';

export type PublicCorrection = PublicCorrectionsQuery['publicCorrections']['nodes'][number];
export type RecordCorrection = RecordCorrectionsQuery['recordCorrections']['nodes'][number];

export const loadPublicCorrections = () => all(PublicCorrectionsDocument, (d) => d.publicCorrections, {});
export const loadRecordCorrections = () => all(RecordCorrectionsDocument, (d) => d.recordCorrections, {});

/** The anchor of a notice on /corrections/: the record's type and number (stable across rebuilds). */
export const correctionAnchor = (c: Pick<PublicCorrection, 'recordType' | 'recordNumber' | 'recordedOn'>) =>
  `c-${c.recordType}-${encodeURIComponent(c.recordNumber ?? '').replace(/%/g, '')}-${c.recordedOn}`;
