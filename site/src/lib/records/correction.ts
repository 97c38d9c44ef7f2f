/** The public record of corrections: failures no longer published, and corrected or removed records. */
import {
  PublicCorrectionsDocument,
  RecordCorrectionsDocument,
  type PublicCorrectionsQuery,
  type RecordCorrectionsQuery,
} from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { reportSlug, warningSlug } from '../slug.ts';

export type PublicCorrection = PublicCorrectionsQuery['publicCorrections']['nodes'][number];
export type RecordCorrection = RecordCorrectionsQuery['recordCorrections']['nodes'][number];

export const loadPublicCorrections = () => all(PublicCorrectionsDocument, (d) => d.publicCorrections, {});
export const loadRecordCorrections = () => all(RecordCorrectionsDocument, (d) => d.recordCorrections, {});

/** The anchor of a notice on /corrections/: the record's type and number (stable across rebuilds). */
export const correctionAnchor = (c: Pick<PublicCorrection, 'recordType' | 'recordNumber' | 'recordedOn'>) =>
  `c-${c.recordType}-${encodeURIComponent(c.recordNumber ?? '').replace(/%/g, '')}-${c.recordedOn}`;

/** The results with a correction notice (the newest per result), by the slug of their result page. */
export function correctedResults(data: { publicCorrections: PublicCorrection[] }): { slug: string; anchor: string }[] {
  const bySlug = new Map<string, string>();
  for (const c of data.publicCorrections) {
    if (c.recordType !== 'spot_check' || !c.recordNumber) continue;
    const slug = reportSlug(c.recordNumber);
    if (!bySlug.has(slug)) bySlug.set(slug, correctionAnchor(c));
  }
  return [...bySlug].map(([slug, anchor]) => ({ slug, anchor }));
}

/**
 * Registers removed outright (撤销公布: a decision set aside, a warning retracted), the newest
 * notice per record, with the address the record had: its permalink keeps answering with the
 * notice (003 Art. 26). Warnings had a page of their own; decisions an anchor on /revocations/.
 */
export function removedRecords(
  data: { publicCorrections: PublicCorrection[] },
  recordType: 'consumer_warning' | 'revocation',
): { slug: string; anchor: string; notice: PublicCorrection }[] {
  const bySlug = new Map<string, { slug: string; anchor: string; notice: PublicCorrection }>();
  for (const c of data.publicCorrections) {
    if (c.recordType !== recordType || c.kind !== 'removed' || !c.recordNumber) continue;
    const published = c.published as Record<string, unknown>;
    const slug =
      recordType === 'consumer_warning'
        ? warningSlug({ id: c.recordNodeId, publishedOn: String(published.published_on ?? '') })
        : reportSlug(c.recordNumber);
    if (!bySlug.has(slug)) bySlug.set(slug, { slug, anchor: correctionAnchor(c), notice: c });
  }
  return [...bySlug.values()];
}

/**
 * The corrections of one revocation decision still public: the notices of what a later batch
 * changed of it (with their anchors on /corrections/), and the versions later batches recorded.
 */
export function revocationCorrections(
  data: { publicCorrections: PublicCorrection[]; recordCorrections: RecordCorrection[] },
  r: { id: string; decisionNo: string },
): { notices: (PublicCorrection & { anchor: string })[]; records: RecordCorrection[] } {
  return {
    notices: data.publicCorrections
      .filter((c) => c.recordType === 'revocation' && (c.recordNodeId === r.id || c.recordNumber === r.decisionNo))
      .map((c) => ({ ...c, anchor: correctionAnchor(c) })),
    records: data.recordCorrections.filter((c) => c.record?.__typename === 'Revocation' && c.record.id === r.id),
  };
}
