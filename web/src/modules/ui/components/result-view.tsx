import type { CombinedError } from '@urql/core';
import type { HTMLAttributes, ReactNode } from 'react';
import type { ErrorWording } from '../../../core/errors/error-message';
import type { PagedQuery } from '../../../core/paging/use-paged-query';
import { ErrorNotice } from '../../shell/components/error-notice';
import { Pager } from './pager';
import { EmptyState, LoadingLine } from './status-line';
import { TableHead, type Column } from './table-head';

interface ResultViewProps {
  error: CombinedError | null | undefined;
  onRetry?: () => void;
  wording?: ErrorWording;
  /** Nothing to show yet and an answer is on its way. */
  loading: boolean;
  loadingText: string;
  /** The answer came and holds nothing. */
  empty: boolean;
  emptyText: ReactNode;
  children?: ReactNode;
}

/** The states of a list from a query: its error, loading, empty, or the list itself. */
export function ResultView({ error, onRetry, wording, loading, loadingText, empty, emptyText, children }: ResultViewProps) {
  return (
    <>
      {error ? <ErrorNotice error={error} wording={wording} onRetry={onRetry} /> : null}
      {loading ? <LoadingLine>{loadingText}</LoadingLine> : null}
      {empty ? <EmptyState>{emptyText}</EmptyState> : null}
      {!empty ? children : null}
    </>
  );
}

interface PagedViewProps<Node, Row> {
  state: PagedQuery<Node>;
  /** Names the page navigation for screen readers. */
  label: string;
  loadingText: string;
  emptyText: ReactNode;
  /** The rows to show when they are not the page's nodes as they came (live changes laid over them). */
  rows?: readonly Row[];
  children: (rows: readonly Row[]) => ReactNode;
}

/** A page of a connection in its states, with previous and next below. */
export function PagedView<Node, Row = Node>({ state, label, loadingText, emptyText, rows, children }: PagedViewProps<Node, Row>) {
  const shown = rows ?? (state.nodes as unknown as readonly Row[]);
  return (
    <>
      <ResultView
        error={state.error}
        onRetry={state.reload}
        loading={!state.connection && state.fetching}
        loadingText={loadingText}
        empty={state.connection !== undefined && shown.length === 0}
        emptyText={emptyText}
      >
        {shown.length > 0 ? children(shown) : null}
      </ResultView>
      <Pager label={label} {...state.pager} />
    </>
  );
}

interface PagedTableProps<Node, Row> extends Omit<PagedViewProps<Node, Row>, 'children'> {
  columns: readonly (Column | string)[];
  className?: string;
  rowKey: (row: Row) => string;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement>;
  /** A row shown above the others, such as "up one folder". */
  firstRow?: ReactNode;
  /** The cells of one row. */
  children: (row: Row) => ReactNode;
}

/** A page of a connection as a table, a row per node, in its states and with previous and next. */
export function PagedTable<Node, Row = Node>({ columns, className = 'table', rowKey, rowProps, firstRow, children, ...view }: PagedTableProps<Node, Row>) {
  return (
    <PagedView<Node, Row> {...view}>
      {(rows) => (
        <table className={className}>
          <TableHead columns={columns} />
          <tbody>
            {firstRow}
            {rows.map((row) => (
              <tr key={rowKey(row)} {...rowProps?.(row)}>
                {children(row)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedView>
  );
}
