/**
 * The table that sits beside each chart: the same numbers, unrounded, with
 * the unit of every column, so the HTML and Markdown writers can format them
 * (rounding happens there) and a reader who cannot see the chart loses nothing.
 */
import type { TopLevelSpec } from 'vega-lite';

/** How a column's values are to be formatted. Shares are fractions (0.123 → 12.3%). */
export type ColumnUnit = 'text' | 'month' | 'share' | 'pp' | 'gbp' | 'days' | 'trust' | 'count' | 'number';

export interface TableColumn {
  readonly label: string;
  readonly unit: ColumnUnit;
}

export type TableCell = string | number;

export interface DataTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** A sentence under the table (e.g. which months are shown). */
  readonly note?: string;
}

/** A chart of the report: its file id, its title, its spec and its table. */
export interface ReportChart {
  /** File-name stem: charts/<id>.svg and charts/<id>.png. */
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  readonly table: DataTable;
}
