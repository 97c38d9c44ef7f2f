import type { Queryable } from '@hub/db';
import type { Viewer } from '../access/access.service.ts';
import type { PlainDate } from '@hub/db/plain-date';

/**
 * A feature's SQL: built per request with who asks and today's date in China, so the
 * visibility rules (003 Art. 15, 26–27; personal data) apply in one place for every read,
 * and its DataLoaders batch the relations of that request.
 */
export abstract class Repository {
  constructor(
    protected readonly db: Queryable,
    protected readonly viewer: Viewer,
    protected readonly today: PlainDate,
  ) {}
}
