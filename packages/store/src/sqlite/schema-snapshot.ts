// The database's schema as the migrations leave it, written out readably (schema.sql beside
// this file) so a reader sees the current tables, indexes and triggers without replaying the
// history in migrations.ts. Its test fails when replaying the migrations gives anything else;
// after adding a migration, `pnpm --filter @jin/store exec vitest run -u` rewrites the file.

import Database from 'better-sqlite3';
import { migrate, SCHEMA_VERSION } from './migrations.ts';

/** Every table, index, view and trigger of a migrated database, in a stable order. */
export function schemaSnapshot(): string {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const rows = db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
         ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name`,
      )
      .all() as { type: string; name: string; sql: string }[];
    const statements = rows.map((r) => `${r.sql.replace(/[ \t]+$/gm, '')};`);
    return `-- The schema after migration ${SCHEMA_VERSION} (generated from migrations.ts; see schema-snapshot.ts).\n\n${statements.join('\n\n')}\n`;
  } finally {
    db.close();
  }
}
