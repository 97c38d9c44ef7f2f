/** Consumer warnings (消费警示, 003 Art. 26): published warnings, the same for every viewer. */
import type { ByYearArgs, ConnectionShape, ConsumerWarningRow } from '@hub/schema';
import { yearRange } from '../graphql/filters.ts';
import { grouped, single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';

export const WARNING_COLUMNS = `w.id AS "dbId", w.title, w.published_on AS "publishedOn", w.product_category AS "productCategory",
  w.risk, w.advice, w.version`;

type Keyed<R> = R & { key: number };

export class WarningRepository extends Repository {
  list(args: ByYearArgs): Promise<ConnectionShape<ConsumerWarningRow>> {
    const where = new Where();
    if (args.year != null) where.add('w.published_on BETWEEN ?::date AND ?::date', ...yearRange(args.year));
    return paginate<ConsumerWarningRow>(this.db, {
      from: 'consumer_warning w',
      select: WARNING_COLUMNS,
      where,
      idExpr: 'w.id',
      args,
      sort: { expr: 'w.published_on', direction: 'DESC', field: 'publishedOn', type: 'date' },
    });
  }

  private readonly byIdLoader = single<number, ConsumerWarningRow>(
    (ids) => this.db.query(`SELECT ${WARNING_COLUMNS} FROM consumer_warning w WHERE w.id = ANY($1)`, [ids]),
    (r) => r.dbId,
  );

  private readonly bySpotCheckLoader = grouped<number, Keyed<ConsumerWarningRow>>(
    (ids) =>
      this.db.query(
        `SELECT ${WARNING_COLUMNS}, wsc.spot_check_id AS key FROM warning_spot_check wsc JOIN consumer_warning w ON w.id = wsc.consumer_warning_id
         WHERE wsc.spot_check_id = ANY($1) ORDER BY w.published_on DESC`,
        [ids],
      ),
    (r) => r.key,
  );

  byId(id: number): Promise<ConsumerWarningRow | null> {
    return this.byIdLoader.load(id);
  }

  /** the warnings that cite a result, newest first */
  bySpotCheck(spotCheckId: number): Promise<ConsumerWarningRow[]> {
    return this.bySpotCheckLoader.load(spotCheckId);
  }
}
