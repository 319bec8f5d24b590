/**
 * The one palette of every dgsim chart: Okabe & Ito's eight colours, which
 * stay distinct under the common forms of colour blindness, plus the greys
 * used for ink (text, axes, grid). Charts take colours from here only, so a
 * test can check that a rendered chart uses no other colour.
 *
 * Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make
 * figures and presentations that are friendly to colorblind people.
 */

/** Okabe–Ito, in the order categories receive them (yellow last: it reads poorly on white). */
export const CATEGORY_COLORS = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

/** Named Okabe–Ito colours, for marks that carry a fixed meaning. */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  skyBlue: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

/** Greys for ink and furniture: text, axes, grid lines, shaded periods. */
export const INK = {
  text: '#000000',
  muted: '#555555',
  axis: '#888888',
  grid: '#DDDDDD',
  shade: '#EEEEEE',
  background: '#FFFFFF',
} as const;

/** Scorecard verdict colours: good is green, poor is vermillion, mixed is orange. */
export const VERDICT_COLORS = {
  good: OKABE_ITO.green,
  mixed: OKABE_ITO.orange,
  poor: OKABE_ITO.vermillion,
  untested: INK.axis,
} as const;

/** Every colour a dgsim chart may use, upper-case hex. */
export const ALL_COLORS: ReadonlySet<string> = new Set<string>([...CATEGORY_COLORS, ...Object.values(INK)]);

/** The first `n` category colours (cycling if n > 8). */
export function categoryColors(n: number): string[] {
  return Array.from({ length: n }, (_, k) => CATEGORY_COLORS[k % CATEGORY_COLORS.length]!);
}
