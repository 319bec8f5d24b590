/**
 * The scenario `dgsim init` writes: a scenario file's text (the built-in
 * city) with every field explained in a comment above it, and every field
 * the file leaves to its default written out with that default, so a user
 * sees every lever there is. The file's own comments (sources, assumptions)
 * stay. The result validates to the same scenario as the original.
 *
 * Browser-safe: yaml and the schema only.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { schemaFields, type SchemaField } from './schema-fields.js';
import { scenarioSchema } from './schema.js';

/** The first line of a scenario that tells yaml-language-server (VS Code and others) where its JSON Schema is. */
export function schemaComment(schemaReference: string): string {
  return `yaml-language-server: $schema=${schemaReference}`;
}

/** Options of `commentedScenarioYaml`. */
export interface CommentedScenarioOptions {
  /** The JSON Schema for editors, relative to the written file (or a URL). */
  readonly schemaReference: string;
  /** Lines said at the top after the file's first paragraph (where the file came from, what to do next). */
  readonly preamble: readonly string[];
}

const WIDTH = 78;

/** `text` cut into comment lines that fit in WIDTH characters at `depth` (indented 2 spaces a level), each starting with a space; `indent` starts the lines after the first. */
function wrap(text: string, depth: number, indent = ''): string[] {
  const width = WIDTH - 2 * depth - 2 - indent.length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(` ${indent}${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(` ${indent}${line}`);
  return lines;
}

function formatDefault(value: unknown): string {
  if (typeof value === 'number' && Math.abs(value) >= 1e6) return value.toExponential().replace('e+', 'e');
  return typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
}

/** What a field is, in one sentence: meaning [unit]; what it accepts; its default. */
function fieldSentence(field: SchemaField): string {
  const parts = [`${field.description ?? field.key}${field.unit === undefined ? '' : ` [${field.unit}]`}`];
  if (field.fields === undefined) parts.push(field.allowed);
  if (field.defaultValue !== undefined && field.fields === undefined) parts.push(`default ${formatDefault(field.defaultValue)}`);
  return parts.join('; ');
}

/** The legend of a list of mappings or of a mapping written on one line: one line per field. */
function legend(fields: readonly SchemaField[], depth: number): string[] {
  const lines: string[] = [];
  for (const field of fields) {
    const inner = field.fields !== undefined && field.fields.length <= 3 ? ` { ${field.fields.map((f) => f.key).join(', ')} }` : '';
    const wrapped = wrap(`${field.key}${inner}: ${fieldSentence(field)}${field.required ? ' (required)' : ''}`, depth, '  ');
    lines.push(...wrapped.map((line, index) => (index === 0 ? line.replace(/^ {3}/, ' - ') : line)));
  }
  return lines;
}

/** Adds comment lines above a pair's key, after those it has. */
function commentAbove(pair: Pair, lines: readonly string[]): void {
  if (lines.length === 0 || !isScalar(pair.key)) return;
  const existing = pair.key.commentBefore;
  pair.key.commentBefore = [...(existing === undefined || existing === null ? [] : [existing]), lines.join('\n')].join('\n');
}

/** Writes every defaulted field the map leaves out, then explains every field; recurses into block mappings. */
function annotate(document: Document, map: YAMLMap, fields: readonly SchemaField[], depth: number): void {
  if (map.flow === true) return;
  const present = new Set(map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
  for (const field of fields) {
    if (present.has(field.key)) continue;
    if (field.defaultValue !== undefined) map.add(document.createPair(field.key, field.defaultValue));
    // A section of defaults (policy.kpi, choice, …): written out as a block mapping.
    else if (field.fields !== undefined && !field.isList && !field.required && field.key !== 'asc') {
      const section = document.createNode({}) as YAMLMap;
      section.flow = false;
      map.add(document.createPair(field.key, section));
    }
  }
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const field = fields.find((f) => f.key === key);
    if (field === undefined) continue;
    const value = pair.value as Node | null;
    const lines = wrap(fieldSentence(field), depth);
    if (field.isList && field.fields !== undefined) lines.push(` Each entry has:`, ...legend(field.fields, depth));
    else if (field.fields !== undefined && isMap(value) && value.flow === true) lines.push(...legend(field.fields, depth));
    commentAbove(pair, lines);
    if (isMap(value) && field.fields !== undefined) annotate(document, value, field.fields, depth + 1);
    if (isSeq(value) && field.fields !== undefined) for (const item of value.items) if (isMap(item)) annotate(document, item, field.fields, depth + 2);
  }
}

/**
 * A standalone, commented copy of a scenario file: the first comment line
 * points editors at `schemaReference`, `preamble` follows the file's first
 * paragraph, every field has a comment above it (meaning, unit, accepted
 * values, default) and every defaulted field is written out.
 * @throws Error when the text is not a YAML mapping.
 * @example commentedScenarioYaml(cityText, { schemaReference: 'scenario.schema.json', preamble: ['Written by dgsim init.'] })
 */
export function commentedScenarioYaml(text: string, options: CommentedScenarioOptions): string {
  const document = parseDocument(text);
  const root = document.contents;
  if (!isMap(root)) throw new Error('a scenario file holds a mapping at the top level');
  annotate(document, root, schemaFields(scenarioSchema), 0);

  // The header is the comment above the first key: its first line names the schema, its first paragraph says what the file is.
  const first = root.items[0];
  if (first !== undefined && isScalar(first.key)) {
    const header = (first.key.commentBefore ?? '').split('\n');
    if (header[0]?.trim().startsWith('yaml-language-server:') === true) header.shift();
    while (header[0] !== undefined && header[0].trim() === '') header.shift();
    const paragraphEnd = header.findIndex((line) => line.trim() === '');
    const cut = paragraphEnd === -1 ? header.length : paragraphEnd;
    // An empty comment line (a lone #) is a line holding one space.
    const preamble = options.preamble.flatMap((line) => (line === '' ? [' '] : wrap(line, 0)));
    first.key.commentBefore = [` ${schemaComment(options.schemaReference)}`, ' ', ...header.slice(0, cut), ' ', ...preamble, ...header.slice(cut)].join('\n');
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
