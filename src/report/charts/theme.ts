/**
 * The shared look of every chart: one font (DejaVu Sans, the font the PNG
 * renderer loads from files, so the SVG, the PNG and the browser agree), the
 * palette of ./palette.ts for every mark and every piece of ink, and sizes
 * that read on paper.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { CATEGORY_COLORS, INK, OKABE_ITO } from './palette.js';

/** The font family charts ask for; the PNG renderer loads exactly this family from font files. */
export const CHART_FONT = 'DejaVu Sans';

/** Default plot width and height, in pixels. */
export const CHART_WIDTH = 460;
export const CHART_HEIGHT = 240;

/** The vega-lite config every dgsim chart carries. */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: INK.background,
  padding: 8,
  view: { stroke: null },
  title: { color: INK.text, subtitleColor: INK.muted, fontSize: 14, subtitleFontSize: 11, anchor: 'start', offset: 10 },
  axis: {
    domainColor: INK.axis,
    tickColor: INK.axis,
    gridColor: INK.grid,
    labelColor: INK.text,
    titleColor: INK.text,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'bold',
    // vega estimates text width generously without a canvas: limits leave room for that.
    labelLimit: 400,
  },
  legend: {
    labelColor: INK.text,
    titleColor: INK.text,
    labelFontSize: 11,
    titleFontSize: 11,
    labelLimit: 400,
    orient: 'right',
    symbolBaseFillColor: INK.axis,
    symbolBaseStrokeColor: INK.axis,
  },
  header: { labelColor: INK.text, titleColor: INK.text, labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'bold' },
  range: { category: [...CATEGORY_COLORS] },
  mark: { color: OKABE_ITO.blue },
  line: { strokeWidth: 2 },
  point: { filled: true, size: 40 },
  text: { color: INK.text, fontSize: 11 },
  rule: { color: INK.muted },
};

/** The parts every spec shares: schema, config. Spread first into a spec. */
export function baseSpec(): Pick<TopLevelSpec, '$schema' | 'config'> {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CHART_CONFIG };
}
