/**
 * The report of an output directory, before it is written out: what the
 * HTML page and summary.md both say, in the same order.
 *
 *   output files ──read──► input ──build──► ReportModel ──► report.html, summary.md, charts/*.svg, charts/*.png
 */
import type { DataTable, ReportChart } from '../charts/data-table.js';

/** A table of its own (not beside a chart), with a heading. */
export interface ReportTable {
  readonly heading: string;
  readonly table: DataTable;
}

export interface ReportModel {
  readonly kind: 'run' | 'compare' | 'sweep';
  readonly title: string;
  /** The one sentence with its uncertainty, then supporting sentences. */
  readonly headline: string;
  readonly details: readonly string[];
  /** How to read the intervals. */
  readonly uncertainty: string;
  /** What is missing and why (e.g. no monthly table). */
  readonly notes: readonly string[];
  readonly charts: readonly ReportChart[];
  readonly tables: readonly ReportTable[];
  /** Label and value pairs describing the scenario(s). */
  readonly scenario: readonly (readonly [string, string])[];
  /** Label and value pairs: version, command, seeds, hashes. */
  readonly provenance: readonly (readonly [string, string])[];
}
