/**
 * The report page's only style sheet, inlined (the page loads nothing). On
 * screen each chart sits beside its table; on paper (A4) the chart comes
 * first and the table follows in full, and sections avoid splitting.
 */
import { INK, OKABE_ITO } from '../charts/palette.js';

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif; color: #111; background: ${INK.background};
  margin: 0 auto; max-width: 1320px; padding: 24px 32px 48px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6rem; margin: 0 0 12px; }
h2 { font-size: 1.2rem; margin: 0 0 10px; }
.kind { color: ${INK.muted}; font-size: 0.9rem; margin: 0; text-transform: uppercase; letter-spacing: 0.06em; }
.lede { font-size: 1.22rem; font-weight: bold; margin: 12px 0 8px; padding: 10px 16px; border-left: 6px solid ${OKABE_ITO.blue}; background: #F2F7FB; }
.detail { margin: 6px 0; }
.uncertainty, .note { color: ${INK.muted}; font-size: 0.9rem; margin: 6px 0; }
nav { margin: 18px 0 8px; font-size: 0.92rem; }
nav ol { columns: 2; margin: 4px 0; padding-left: 22px; }
nav a { color: ${OKABE_ITO.blue}; }
section.chart { margin: 28px 0; padding-top: 14px; border-top: 1px solid ${INK.grid}; }
.pair { display: grid; grid-template-columns: minmax(0, max-content) minmax(340px, 1fr); gap: 24px; align-items: start; }
.pair.stacked { grid-template-columns: minmax(0, 1fr); }
figure { margin: 0; }
figure svg { display: block; max-width: 100%; height: auto; }
.table-wrap { max-height: 560px; overflow: auto; border: 1px solid ${INK.grid}; }
.table-wrap h3 { font-size: 0.85rem; font-weight: normal; color: ${INK.muted}; margin: 6px 8px; }
table { border-collapse: collapse; font-size: 12.5px; width: 100%; }
th, td { padding: 3px 8px; border-bottom: 1px solid ${INK.shade}; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #F4F4F4; border-bottom: 1px solid #BBBBBB; }
tbody th { font-weight: normal; white-space: nowrap; }
thead th.num { white-space: normal; min-width: 5.5em; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
section.tables { margin: 28px 0; padding-top: 14px; border-top: 1px solid ${INK.grid}; }
footer { margin-top: 36px; border-top: 2px solid ${INK.text}; padding-top: 12px; font-size: 0.88rem; }
footer h2 { font-size: 1rem; margin: 14px 0 6px; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 3px 18px; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 1100px) { .pair { grid-template-columns: minmax(0, 1fr); } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  .lede { background: none; }
  .pair { grid-template-columns: minmax(0, 1fr); gap: 8px; }
  section.chart { break-before: auto; }
  figure { break-inside: avoid; }
  .table-wrap { max-height: none; overflow: visible; border: none; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  footer { break-inside: avoid; }
}
`;
