/**
 * Reports: pure formatting of runs and comparisons for terminals, and the
 * writing of their output files (atomic, with a manifest written last).
 */
export { writeFileAtomic, sha256Hex, TEMP_PREFIX, type FileContent, type WrittenFile } from './atomic-write.js';
export { writeOutputSet, OutputSetWriter, isOutputPath, jsonText, MANIFEST_FILE, type OutputFile, type ManifestEntry, type WrittenOutputs } from './manifest.js';
export { csvField, csvText, type CsvValue } from './csv.js';
export { formatTable, formatKeyValues, formatHeading, type Cell, type CellStyle, type Column, type Row, type TableOptions } from './format-table.js';
export { formatNumber, formatPercent, formatGbp, formatCount, formatInUnit, formatDifferenceInUnit, formatDifferenceBound, MISSING } from './format-number.js';
export { oldestAgeBand, ageBandLowerBound } from './age-bands.js';
export { metricLabel, parseMetricName } from './metric-labels.js';
export { CREATED_BY, type RunProvenance, type CompareProvenance, type ScenarioSource } from './provenance.js';
export { dgsimVersion } from '../version.js';
export { writeRunOutputs, runSummaryJson, monthlyCsv, monthlyCsvParts, monthlyCsvFile, runManifest, MONTHLY_CSV_HEADER } from './run-outputs.js';
export { formatRunText, scorecardTable, runTitle, verdictCell, type TextOptions } from './run-text.js';
export { writeCompareOutputs, compareJson, compareCsv, compareManifest, excludesZero, differenceVerdict, pairedScorecards, COMPARE_CSV_HEADER, CONFIDENCE_LEVEL } from './compare-outputs.js';
export { formatCompareText, compareSentence, compareTable, compareScorecardTable } from './compare-text.js';
