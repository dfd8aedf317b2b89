import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Narrows `query` to rows where any of `columns` contains `text`, in any case.
 * Columns are SQL expressions; give e-mail columns as they are (stored in
 * lower case) and others wrapped in LOWER(). `!` escapes LIKE's wildcards the
 * same way in SQLite and MariaDB (a backslash does not). Empty text changes nothing.
 */
export function whereContains<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: readonly string[], text: string | null | undefined): SelectQueryBuilder<T> {
  const needle = text?.trim().normalize('NFC').toLowerCase();
  if (!needle) return query;
  const pattern = `%${needle.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return query.andWhere(`(${columns.map((c) => `${c} LIKE :searchPattern ESCAPE '!'`).join(' OR ')})`, { searchPattern: pattern });
}
