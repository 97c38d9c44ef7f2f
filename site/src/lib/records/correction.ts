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
