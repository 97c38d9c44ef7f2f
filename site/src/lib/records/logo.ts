/**
 * Logo authorisations (标识使用授权) and the pages that answer 这个标识还有效吗: one per certificate
 * (every certified item, with or without an authorisation on record) and one per enterprise
 * for its 长江质量奖 self-declarations. The answer itself (valid, stopped by which decision,
 * expired) is the API's (`validity`, api/src/rules/logo.ts); the site only picks which
 * authorisation of a page answers.
 */
import { LogoAuthorisationsDocument, type LogoFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { keySlug } from '../slug.ts';

export type Logo = LogoFragment;

export interface LogoSubject {
  /** the path segment under /logo/: the certificate's item slug, or yangtze-award-<USCC> */
  slug: string;
  basis: 'certified' | 'yangtze_award';
  /** the certified item (basis certified) */
  itemId: string | null;
  enterprise: Logo['enterprise'];
  /** oldest first */
  authorisations: Logo[];
  /** the authorisation that answers: one in use if any, else the latest; null when none is on record */
  answer: Logo | null;
}

export function loadLogos(): Promise<Logo[]> {
  return all(LogoAuthorisationsDocument, (d) => d.logoAuthorisations, {});
}

export const selfDeclarationSlug = (e: { id: string; uscc: string | null }) => `yangtze-award-${e.uscc ? keySlug(e.uscc) : `e-${e.id}`}`;

/** The answer of a page: an authorisation in use, else the latest one (oldest-first list). */
export function answerOf(authorisations: Logo[]): Logo | null {
  return authorisations.findLast((l) => l.validity === 'valid') ?? authorisations.at(-1) ?? null;
}

/** The pages: one per certified item (by its slug), one per enterprise with self-declarations. */
export function logoSubjects(
  logos: Logo[],
  items: { id: string; slug: string; enterprise: { id: string } | null }[],
  enterpriseOf: (id: string) => Logo['enterprise'] | undefined,
): LogoSubject[] {
  const byItem = new Map<string, Logo[]>();
  const byEnterprise = new Map<string, Logo[]>();
  const oldestFirst = [...logos].sort((a, b) => a.authorisedOn.localeCompare(b.authorisedOn) || a.id.localeCompare(b.id));
  for (const l of oldestFirst) {
    const [map, key] = l.certifiedItem ? [byItem, l.certifiedItem.id] : [byEnterprise, l.enterprise?.id];
    if (!key) continue;
    if (!map.has(key)) map.set(key, []);
    map.get(key)!.push(l);
  }
  const subjects: LogoSubject[] = items.map((i) => {
    const authorisations = byItem.get(i.id) ?? [];
    return {
      slug: i.slug,
      basis: 'certified',
      itemId: i.id,
      enterprise: authorisations[0]?.enterprise ?? (i.enterprise ? enterpriseOf(i.enterprise.id) : undefined) ?? null,
      authorisations,
      answer: answerOf(authorisations),
    };
  });
  for (const authorisations of byEnterprise.values()) {
    const enterprise = authorisations[0].enterprise!;
    subjects.push({
      slug: selfDeclarationSlug(enterprise),
      basis: 'yangtze_award',
      itemId: null,
      enterprise,
      authorisations,
      answer: answerOf(authorisations),
    });
  }
  return subjects;
}
