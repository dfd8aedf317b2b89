'use client';

import Papa from 'papaparse';
import { useMemo, useState } from 'react';
import { formatCount } from '../../../core/format/bytes';
import { Pager } from '../../ui/components/pager';

const PAGE_SIZE = 50;

/** A CSV or TSV file as a grid, its first row as the header, 50 rows a page. */
export function TableView({ text, delimiter, name }: { text: string; delimiter: ',' | '\t'; name: string }) {
  const parsed = useMemo(() => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }), [text, delimiter]);
  const [page, setPage] = useState(1);
  const [header = [], ...rows] = parsed.data;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE;
  const shown = rows.slice(first, first + PAGE_SIZE);
  const width = Math.max(header.length, ...shown.map((row) => row.length));
  return (
    <div className="table-view">
      <p className="muted small" aria-live="polite">
        {rows.length === 0
          ? 'No rows below the header.'
          : `Rows ${formatCount(first + 1)}–${formatCount(first + shown.length)} of ${formatCount(rows.length)}, ${width} ${width === 1 ? 'column' : 'columns'}.`}
        {parsed.errors.length ? ` ${parsed.errors.length} ${parsed.errors.length === 1 ? 'line does' : 'lines do'} not parse cleanly (first: row ${(parsed.errors[0].row ?? 0) + 1}, ${parsed.errors[0].message}).` : ''}
      </p>
      <div className="table-view__scroll" role="region" aria-label={`Rows of ${name}`} tabIndex={0}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                <span className="visually-hidden">Row</span>
              </th>
              {Array.from({ length: width }, (_, i) => (
                <th key={i} scope="col">
                  {header[i] ?? ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={first + r}>
                <td className="numeric muted">{first + r + 1}</td>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label={`Pages of ${name}`}
        page={page}
        pages={pages}
        hasPrevious={page > 1}
        hasNext={page < pages}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
    </div>
  );
}
