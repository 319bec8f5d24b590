/**
 * Making the ids inside an SVG unique to one chart, so that several SVGs
 * inlined in one HTML page (clip paths, gradients) never refer to each
 * other's definitions.
 */

/**
 * Prefixes every `id="…"` of an SVG and every reference to it (`url(#…)`,
 * `href="#…"`, `xlink:href="#…"`) with `prefix`. Cost O(SVG length).
 * @example scopeSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', 'c3-') === '<clipPath id="c3-clip1"/><g clip-path="url(#c3-clip1)"/>'
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(match[1]!);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_all, start: string, id: string) => `${start}${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : all))
    .replace(/((?:xlink:)?href=")#([^"]+)"/g, (all, start: string, id: string) => (ids.has(id) ? `${start}#${prefix}${id}"` : all));
}
