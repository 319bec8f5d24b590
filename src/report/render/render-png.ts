/**
 * SVG text to PNG bytes with resvg, loading only the chart font files (never
 * the system's fonts), so the same SVG gives byte-identical PNGs on every
 * machine that has the same font files.
 */
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT } from '../charts/theme.js';
import type { ChartFonts } from './chart-fonts.js';

/** Pixels per SVG unit: 2 gives sharp charts on paper and on high-density screens. */
export const PNG_SCALE = 2;

/**
 * Rasterises an SVG chart.
 * Cost: proportional to the pixel count (about 1–3 MP per chart at scale 2).
 * @throws Error when the SVG cannot be parsed.
 * @example const png = svgToPng(svg, findChartFonts());
 */
export function svgToPng(svg: string, fonts: ChartFonts, scale = PNG_SCALE): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#FFFFFF',
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  return new Uint8Array(resvg.render().asPng());
}
