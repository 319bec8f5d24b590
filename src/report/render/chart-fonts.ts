/**
 * The font files the PNG renderer loads. PNGs are byte-identical only when
 * the same font files are used, so they are loaded explicitly, never from
 * the system's font configuration: DejaVu Sans and DejaVu Sans Bold, from
 * Debian's fonts-dejavu-core package, or from a folder the caller names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_ERRORS } from '../messages.js';

/** The regular and bold font files of the chart font. */
export interface ChartFonts {
  readonly regular: string;
  readonly bold: string;
}

export const REGULAR_FONT_FILE = 'DejaVuSans.ttf';
export const BOLD_FONT_FILE = 'DejaVuSans-Bold.ttf';

/** Where Debian (fonts-dejavu-core) and other distributions put DejaVu. */
const KNOWN_DIRECTORIES = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu-sans-fonts'];

/** The root searched when the font is in none of the known folders. */
const FONT_ROOT = '/usr/share/fonts';

/** Raised when the chart font files cannot be found. */
export class FontsMissingError extends Error {
  constructor(missing: readonly string[]) {
    super(REPORT_ERRORS.fontsMissing(missing));
    this.name = 'FontsMissingError';
  }
}

function findUnder(root: string, name: string, depth: number): string | undefined {
  if (depth < 0 || !existsSync(root)) return undefined;
  let entries: string[];
  try {
    entries = readdirSync(root).sort();
  } catch {
    return undefined;
  }
  if (entries.includes(name)) return join(root, name);
  for (const entry of entries) {
    const path = join(root, entry);
    try {
      if (!statSync(path).isDirectory()) continue;
    } catch {
      continue;
    }
    const found = findUnder(path, name, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findFont(name: string, fontDirectory: string | undefined): string | undefined {
  if (fontDirectory !== undefined) {
    const path = join(fontDirectory, name);
    return existsSync(path) ? path : undefined;
  }
  for (const directory of KNOWN_DIRECTORIES) {
    const path = join(directory, name);
    if (existsSync(path)) return path;
  }
  return findUnder(FONT_ROOT, name, 4);
}

/**
 * The DejaVu Sans font files: in `fontDirectory` if given, else in the
 * usual system folders (searching /usr/share/fonts as a last resort).
 * Cost: a few stat calls; a directory walk only when the fonts are not where Debian puts them.
 * @throws FontsMissingError naming the missing files and the package to install.
 * @example const fonts = findChartFonts(); // { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: … }
 */
export function findChartFonts(fontDirectory?: string): ChartFonts {
  const regular = findFont(REGULAR_FONT_FILE, fontDirectory);
  const bold = findFont(BOLD_FONT_FILE, fontDirectory);
  if (regular === undefined || bold === undefined) {
    const where = fontDirectory ?? FONT_ROOT;
    throw new FontsMissingError([
      ...(regular === undefined ? [join(where, REGULAR_FONT_FILE)] : []),
      ...(bold === undefined ? [join(where, BOLD_FONT_FILE)] : []),
    ]);
  }
  return { regular, bold };
}

/**
 * The sha256 of each chart font file, by file name: what a manifest records
 * so that PNGs that differ on another machine can be told apart from changed
 * results (no path: that would tie the outputs to this machine).
 * Cost: one read of each font (about 1 MB in all).
 * @throws the file system error when a font cannot be read.
 * @example chartFontHashes(findChartFonts()) // { 'DejaVuSans.ttf': '7da1…', 'DejaVuSans-Bold.ttf': '0b3c…' }
 */
export function chartFontHashes(fonts: ChartFonts): Record<string, string> {
  const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
  return { [REGULAR_FONT_FILE]: hash(fonts.regular), [BOLD_FONT_FILE]: hash(fonts.bold) };
}
