// Counting the articles a filter keeps.

import { type Db, int, Params } from './db.ts';
import { isEverything, type PgFilter, whereClause, whereOf } from './filter.ts';

export async function count(db: Db, filter: PgFilter): Promise<number> {
  if (filter.empty) return 0;
  if (isEverything(filter)) {
    const [row] = await db.query<{ n: string }>({
      name: 'count-all',
      text: 'SELECT count(*) AS n FROM articles',
    });
    return int(row?.n);
  }
  const params = new Params();
  const where = whereOf(filter, params);
  const [row] = await db.query<{ n: string }>({
    text: `SELECT count(*) AS n FROM articles a ${whereClause(where)}`,
    values: params.values,
  });
  return int(row?.n);
}
