/**
 * Random damage to a valid input file, for the property tests: the edits
 * people and tools make by mistake (a line lost or doubled, a value mistyped,
 * bytes from another encoding, a file cut short, keys swapped, indentation
 * broken), as fast-check arbitraries that shrink to the smallest damage.
 */
import fc from 'fast-check';

/** One edit. Positions are taken modulo the file's lines, numbers or bytes, so any natural number is valid. */
export type Mutation =
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'duplicate-line'; readonly line: number }
  | { readonly kind: 'swap-lines'; readonly line: number; readonly other: number }
  | { readonly kind: 'replace-number'; readonly occurrence: number; readonly text: string }
  | { readonly kind: 'replace-value'; readonly line: number; readonly text: string }
  | { readonly kind: 'swap-keys'; readonly line: number; readonly other: number }
  | { readonly kind: 'indent'; readonly line: number; readonly delta: number }
  | { readonly kind: 'insert-bytes'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'truncate'; readonly at: number };

/** Values that are wrong in interesting ways: not numbers, not finite, too big, negative, YAML oddities. */
const HOSTILE_VALUES = [
  'NaN', '.nan', '.NaN', '.inf', '-.inf', '+.inf', 'Infinity', '1e400', '-1e400', '1e308', '1e20', '9007199254740993',
  '123456789012345678901234567890', '-1', '-0', '0', '0.0000001', '1.5', '0x10', '0o17', '1_000', '""', "''", 'null', '~',
  '[]', '{}', '[1, 2]', '{ a: 1 }', 'true', 'false', 'yes', 'no', 'on', '2024-01-01', '12:30', '&anchor 3', '*anchor',
  '!!binary aGVsbG8=', '!!str 5', '!!js/function f', '<<: *x', '|', '>', '"unterminated', "'unterminated", '- item', '? key',
  '%YAML 1.2', '---', '...', '#', '@', '`', '\\u0000', 'é', '中文', '🙂', ' ', '\t',
] as const;

/** A replacement value: hostile constants, small numbers (large enough designs would only be slow), short random text. */
export const replacementText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES),
  fc.integer({ min: -100, max: 100 }).map(String),
  fc.double({ min: -100, max: 100, noNaN: true }).map(String),
  fc.string({ maxLength: 12 }),
);

/** Bytes to insert: invalid UTF-8 sequences, control bytes, a stray BOM, or random bytes. */
const insertedBytes: fc.Arbitrary<readonly number[]> = fc.oneof(
  fc.constantFrom([0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00], [0x1b, 0x5b, 0x41], [0xef, 0xbb, 0xbf], [0x0d], [0x09]),
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
);

/** One random edit. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('replace-number' as const), occurrence: fc.nat(), text: replacementText }),
  fc.record({ kind: fc.constant('replace-value' as const), line: fc.nat(), text: replacementText }),
  fc.record({ kind: fc.constant('swap-keys' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -4, max: 6 }) }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: insertedBytes }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** One to three edits, applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });

const KEY_LINE = /^(\s*(?:- )?)([A-Za-z_$][\w$]*|'[^']*'|"[^"]*")(\s*:)(.*)$/;

function editLines(bytes: Buffer, edit: (lines: string[]) => void): Buffer {
  // latin1 keeps every byte as one character, so damage done earlier (invalid UTF-8) survives line edits.
  const lines = bytes.toString('latin1').split('\n');
  edit(lines);
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** The file's bytes after one edit. */
export function applyMutation(bytes: Buffer, change: Mutation): Buffer {
  switch (change.kind) {
    case 'delete-line':
      return editLines(bytes, (lines) => void lines.splice(change.line % lines.length, 1));
    case 'duplicate-line':
      return editLines(bytes, (lines) => {
        const at = change.line % lines.length;
        lines.splice(at, 0, lines[at]!);
      });
    case 'swap-lines':
      return editLines(bytes, (lines) => {
        const [a, b] = [change.line % lines.length, change.other % lines.length];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      });
    case 'replace-number': {
      const text = bytes.toString('latin1');
      const numbers = [...text.matchAll(/(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])/gi)];
      if (numbers.length === 0) return bytes;
      const found = numbers[change.occurrence % numbers.length]!;
      const start = found.index;
      return Buffer.concat([Buffer.from(text.slice(0, start), 'latin1'), Buffer.from(change.text, 'utf8'), Buffer.from(text.slice(start + found[0].length), 'latin1')]);
    }
    case 'replace-value':
      return editLines(bytes, (lines) => {
        const keyed = lines.map((line, index) => ({ line, index })).filter(({ line }) => KEY_LINE.test(line));
        const target = keyed[change.line % Math.max(1, keyed.length)];
        if (target === undefined) return;
        const match = KEY_LINE.exec(target.line)!;
        lines[target.index] = `${match[1]}${match[2]}${match[3]} ${Buffer.from(change.text, 'utf8').toString('latin1')}`;
      });
    case 'swap-keys':
      return editLines(bytes, (lines) => {
        const keyed = lines.map((line, index) => ({ index, match: KEY_LINE.exec(line) })).filter((entry) => entry.match !== null);
        if (keyed.length < 2) return;
        const a = keyed[change.line % keyed.length]!;
        const b = keyed[change.other % keyed.length]!;
        lines[a.index] = `${a.match![1]}${b.match![2]}${a.match![3]}${a.match![4]}`;
        lines[b.index] = `${b.match![1]}${a.match![2]}${b.match![3]}${b.match![4]}`;
      });
    case 'indent':
      return editLines(bytes, (lines) => {
        const at = change.line % lines.length;
        const line = lines[at]!;
        lines[at] = change.delta >= 0 ? `${' '.repeat(change.delta)}${line}` : line.replace(new RegExp(`^ {0,${-change.delta}}`), '');
      });
    case 'insert-bytes': {
      const at = change.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(change.bytes), bytes.subarray(at)]);
    }
    case 'truncate':
      return bytes.subarray(0, change.at % (bytes.length + 1));
  }
}

/** The file's bytes after every edit, in order. */
export function applyMutations(bytes: Buffer, changes: readonly Mutation[]): Buffer {
  return changes.reduce(applyMutation, bytes);
}
