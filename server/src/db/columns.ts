import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';
import { dialectOf } from '../config';

/**
 * Dialect-neutral column helpers. The column types differ between SQLite and
 * MySQL/MariaDB (big blobs, JSON, millisecond timestamps), and entity
 * decorators run at import time, so the dialect comes from the environment
 * the process started with (`DATABASE_URL`, or STAGECOACH_DIALECT in tests).
 */
export const entityDialect = () =>
  (process.env.STAGECOACH_DIALECT as 'sqlite' | 'mysql' | undefined) ?? dialectOf(process.env.DATABASE_URL);

const isMysql = () => entityDialect() === 'mysql';

export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const HashColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 64, ...options });
export const StringColumn = (length = 255, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, ...options });
export const TextColumn = (options: ColumnOptions = {}) =>
  Column({ type: isMysql() ? 'mediumtext' : 'text', ...options });
export const BoolColumn = (options: ColumnOptions = {}) => Column({ type: 'boolean', default: false, ...options });
export const IntColumn = (options: ColumnOptions = {}) => Column({ type: 'integer', ...options });

/** 64-bit integer read back as a JS number (mysql2 returns strings for BIGINT). */
export const BigIntColumn = (options: ColumnOptions = {}) =>
  Column({
    type: 'bigint',
    transformer: { to: (v?: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) },
    ...options,
  });

/** Millisecond-precision timestamp stored as UTC. */
export const DateTimeColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', ...(isMysql() ? { precision: 3 } : {}), ...options });

/** Binary payload up to several MiB (encoded trees). */
export const BinaryColumn = (options: ColumnOptions = {}) =>
  Column({ type: isMysql() ? 'longblob' : 'blob', ...options });

/** JSON value; stored as text and parsed here so both dialects behave alike. */
export const JsonColumn = (options: ColumnOptions = {}) =>
  Column({
    type: isMysql() ? 'longtext' : 'text',
    transformer: {
      to: (v: unknown) => (v === undefined ? undefined : JSON.stringify(v)),
      from: (v: string | null) => (v === null || v === undefined ? null : JSON.parse(v)),
    },
    ...options,
  });
