import type { ReactNode } from 'react';
import type { PagedQuery } from '../../../core/paging/use-paged-query';
import { PageRange } from '../../ui/components/page-range';
import { PagedTable } from '../../ui/components/result-view';
import type { Column } from '../../ui/components/table-head';
import { PREVIEW_PAGE_SIZE } from '../preview-pages';

interface PreviewTargetsTableProps<Target extends { workspace: { id: string } }> {
  targets: PagedQuery<Target>;
  columns: readonly (Column | string)[];
  emptyText: string;
  /** Beside the range shown, above the table: a choice of which targets to list. */
  filter?: ReactNode;
  /** The cells of one target's row. */
  children: (target: Target) => ReactNode;
}

/** A preview's targets a page at a time (see usePreviewPages): which of how many are shown, a row each, previous and next. */
export function PreviewTargetsTable<Target extends { workspace: { id: string } }>({ targets, columns, emptyText, filter, children }: PreviewTargetsTableProps<Target>) {
  return (
    <>
      <div className="toolbar">
        {filter}
        <PageRange page={targets.pager.page} pageSize={PREVIEW_PAGE_SIZE} shown={targets.nodes.length} total={targets.connection?.totalCount} />
      </div>
      <PagedTable state={targets} label="Preview pages" loadingText="Loading the targets…" emptyText={emptyText} columns={columns} rowKey={(target) => target.workspace.id}>
        {children}
      </PagedTable>
    </>
  );
}
