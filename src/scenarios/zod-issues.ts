/**
 * zod's validation issues rewritten as scenario issues: one issue per
 * unknown key, messages that say what was expected and what was found, a
 * did-you-mean where a name looks misspelt, and the file, line and column
 * where the offending value was written.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { DocumentPath, ScenarioIssue } from './issues.js';
import { describeExpected, describeValue, message } from './messages.js';
import { enumValues, isIdList, knownKeys, numberBounds, schemaAt, unwrap, type AnySchema } from './schema-walk.js';
import { locate, type Located } from './source-map.js';

/** Where the issues were found: the schema validated, where its value sits in the document, and the located document. */
export interface IssueContext {
  /** The schema the issue paths are relative to. */
  readonly schema: AnySchema;
  /** The document path of the value that schema validated ([] for the whole scenario). */
  readonly prefix: DocumentPath;
  /** The whole merged document, located. */
  readonly root: Located;
  /** The whole scenario's schema, for hints that depend on the surrounding document. */
  readonly documentSchema: AnySchema;
  /** Whether the document was merged from an extended file. */
  readonly extended: boolean;
}

function toDocumentPath(path: readonly PropertyKey[]): DocumentPath {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

/** An issue at a document path, located at the value written there (or its nearest written ancestor). */
export function issueAt(root: Located, path: DocumentPath, code: string, text: string, hint?: string): ScenarioIssue {
  const { node } = locate(root, path);
  return { file: node.at.file, line: node.at.line, column: node.at.column, path, message: text, code, ...(hint === undefined ? {} : { hint }) };
}

/** Scenario issues for zod issues. Cost O(issues · path length). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): ScenarioIssue[] {
  return issues.flatMap((issue) => convert(issue, context));
}

function convert(issue: z.core.$ZodIssue, context: IssueContext): ScenarioIssue[] {
  const relative = toDocumentPath(issue.path);
  const path = [...context.prefix, ...relative];
  const schema = schemaAt(context.schema, relative);
  const located = locate(context.root, path);
  const source = located.found && located.node.kind === 'scalar' ? located.node.source : undefined;
  const at = (code: string, text: string, hint?: string): ScenarioIssue => issueAt(context.root, path, code, text, hint);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = (schema === undefined ? undefined : knownKeys(schema)) ?? [];
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, known);
        let hint = suggestion === undefined ? message.knownNames('fields here', known) : message.didYouMean(suggestion);
        if (key === 'remove' && !context.extended && isIdList(schemaAt(context.documentSchema, path.slice(0, -1)))) hint = message.removeNeedsBase();
        return issueAt(context.root, [...path, key], 'unrecognized_keys', message.unknownField(key), hint);
      });
    }
    case 'invalid_type': {
      if (!located.found) return [at('missing_field', message.missingField(describeExpected(schema)))];
      const input = located.node.kind === 'scalar' ? located.node.value : issue.input;
      if (typeof input === 'number' && !Number.isFinite(input)) {
        const expected = describeExpected(schema, { finite: true });
        const literal = source ?? String(input);
        if (/^[-+]?\.?(inf|nan)$/i.test(literal.trim())) return [at('not_finite', message.expectedGot(expected, literal))];
        return [at('not_finite', message.tooLargeNumber(expected, literal))];
      }
      return [at('invalid_type', message.expectedGot(describeExpected(schema), describeValue(input, source)), typeHint(schema, input, source))];
    }
    case 'too_big':
    case 'too_small': {
      const input = located.found && located.node.kind === 'scalar' ? located.node.value : issue.input;
      return [at(issue.code, message.expectedGot(describeExpected(schema), describeValue(input, source)))];
    }
    case 'invalid_value': {
      const values = (schema === undefined ? undefined : enumValues(schema)) ?? issue.values;
      const input = issue.input;
      const suggestion = typeof input === 'string' ? didYouMean(input, values.filter((v): v is string => typeof v === 'string')) : undefined;
      return [at('invalid_value', message.expectedGot(describeExpected(schema), describeValue(input, source)), suggestion === undefined ? undefined : message.didYouMean(suggestion))];
    }
    case 'invalid_format': {
      const expected = issue.format === 'regex' && !/^invalid/i.test(issue.message) ? issue.message : `a string matching ${issue.pattern ?? issue.format}`;
      return [at('invalid_format', message.expectedGot(expected, describeValue(issue.input, source)))];
    }
    default:
      return [at(issue.code, issue.message)];
  }
}

function typeHint(schema: AnySchema | undefined, input: unknown, source: string | undefined): string | undefined {
  if (input === null) return message.emptyValueHint(schema !== undefined && ['optional', 'default', 'prefault'].includes(schema._zod.def.type));
  if (schema === undefined) return undefined;
  const wantsString = unwrap(schema)._zod.def.type === 'string' || (enumValues(schema)?.every((v) => typeof v === 'string') ?? false);
  if (wantsString && (typeof input === 'number' || typeof input === 'boolean') && source !== undefined && source !== '') return message.quoteHint(source);
  if (typeof input !== 'string') return undefined;
  if (numberBounds(schema) !== undefined && input.trim() !== '' && Number.isFinite(Number(input))) return message.quotedNumberHint();
  if (unwrap(schema)._zod.def.type === 'boolean') return message.yamlBooleanHint(input);
  return undefined;
}
