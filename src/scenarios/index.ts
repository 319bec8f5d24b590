/**
 * The scenario loading API. `load.ts` needs Node's file system; a browser
 * imports `parse.ts`, `issues.ts` and `json-schema.ts` directly.
 */
export { loadScenarioFile, scenarioHash, type LoadResult } from './load.js';
export { parseScenarioText, parseScenarioSource, decodeUtf8, type ParseResult, type ReadFile, type SourceFile } from './parse.js';
export { formatIssues, formatPath, type DocumentPath, type ScenarioIssue } from './issues.js';
export { scenarioJsonSchema, sweepJsonSchema, type JsonSchema } from './json-schema.js';
export { canonicalJson } from './canonical-json.js';
export { scenarioSchema, type Scenario, type ScenarioInput } from './schema.js';
