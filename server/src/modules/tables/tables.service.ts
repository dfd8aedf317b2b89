import { badInput } from '../../core/errors';
import { formatPath, normalizeName, parseAreaPath } from '../../core/storage/paths';
import { Lru } from '../../core/util/lru';
import type { ObjectsService } from '../workspaces/objects.service';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import type { Actor } from '../users/users.service';
import { decodeTable, encodeTable, pageRows, parseCsv, tableToCsv, type ColumnType, type TableData } from './table-codec';
import type { Access } from '../spaces/access';

/** CSV bodies are parsed in memory; this bounds what one import may hold. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;
/** Rows a preview of an import shows. */
const PREVIEW_ROWS = 5;

/** Tables: imported from CSV (types inferred, overridable), read in pages, exported as CSV. */
export class TablesService {
  private readonly decoded = new Lru<string, TableData>(32);

  constructor(
    private readonly policy: Access,
    private readonly workspaces: WorkspacesService,
    private readonly objects: ObjectsService,
  ) {}

  async importCsv(
    actor: Actor | null,
    workspaceId: string,
    name: string,
    csv: Buffer,
    options: { columnTypes?: Record<string, ColumnType>; delimiter?: string; expectedVersion?: number | null } = {},
  ) {
    const { actor: a, tableName, table } = await this.parseImport(actor, workspaceId, name, csv, options);
    return this.store(a, workspaceId, tableName, table, `import table ${tableName}`, options.expectedVersion);
  }

  /**
   * What an import would make of `csv` (the columns with their inferred or
   * given types, the row count and the first rows), checked exactly as an
   * import is and stored nowhere.
   */
  async previewCsv(
    actor: Actor | null,
    workspaceId: string,
    name: string,
    csv: Buffer,
    options: { columnTypes?: Record<string, ColumnType>; delimiter?: string } = {},
  ) {
    const { tableName, table } = await this.parseImport(actor, workspaceId, name, csv, options);
    return { path: `tables/${tableName}`, columns: table.columns, rowCount: table.rows.length, rows: pageRows(table, 0, PREVIEW_ROWS) };
  }

  /** Re-types columns of a stored table; a value that does not fit is refused and nothing changes. */
  async changeColumnTypes(
    actor: Actor | null,
    workspaceId: string,
    path: string,
    columnTypes: Record<string, ColumnType>,
    expectedVersion?: number | null,
  ) {
    const { actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const { table, name } = await this.load(a, workspaceId, path);
    const retyped = parseCsv(tableToCsv(table), {
      columnTypes: { ...Object.fromEntries(table.columns.map((c) => [c.name, c.type])), ...columnTypes },
      delimiter: ',',
    });
    return this.store(a, workspaceId, name, retyped, `change column types of table ${name}`, expectedVersion);
  }

  async read(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    return this.load(actor, workspaceId, path, snapshotId);
  }

  async rows(actor: Actor | null, workspaceId: string, path: string, snapshotId: string | null | undefined, offset: number, limit: number) {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badInput('limit must be between 1 and 1000');
    if (!Number.isInteger(offset) || offset < 0) throw badInput('offset must be 0 or more');
    const { table, entry } = await this.load(actor, workspaceId, path, snapshotId);
    return { entry, columns: table.columns, rowCount: table.rows.length, rows: pageRows(table, offset, limit) };
  }

  async exportCsv(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    const { table, name } = await this.load(actor, workspaceId, path, snapshotId);
    return { name: `${name}.csv`, csv: tableToCsv(table) };
  }

  /** The checks an import makes before storing anything: write access, the name, the size, the CSV itself. */
  private async parseImport(
    actor: Actor | null,
    workspaceId: string,
    name: string,
    csv: Buffer,
    options: { columnTypes?: Record<string, ColumnType>; delimiter?: string },
  ) {
    const { actor: a } = await this.policy.workspace(actor, workspaceId, 'write');
    const tableName = normalizeName(name);
    if (csv.length > MAX_CSV_BYTES) throw badInput(`a CSV import may be at most ${MAX_CSV_BYTES} bytes`);
    return { actor: a, tableName, table: parseCsv(csv, { columnTypes: options.columnTypes, delimiter: options.delimiter }) };
  }

  private async load(actor: Actor | null, workspaceId: string, path: string, snapshotId?: string | null) {
    const { area, segments } = parseAreaPath(path);
    if (area !== 'tables' || segments.length !== 2) throw badInput(`'${path}' is not a table path (tables/<name>)`);
    const { entry } = await this.workspaces.entry(actor, workspaceId, formatPath(segments), snapshotId);
    if (entry.kind !== 'TABLE') throw badInput(`'${entry.path}' is not a table`);
    let table = this.decoded.get(entry.id);
    if (!table) {
      table = decodeTable(await this.objects.blobs.read(entry.id));
      this.decoded.set(entry.id, table);
    }
    return { table, entry, name: segments[1] };
  }

  private async store(actor: Actor, workspaceId: string, name: string, table: TableData, message: string, expectedVersion?: number | null) {
    const blob = await this.objects.blobs.putBuffer(encodeTable(table));
    const result = await this.objects.putObject(actor, workspaceId, ['tables', name], 'TABLE', blob, message, { expectedVersion });
    return { ...result, path: `tables/${name}`, table };
  }
}
