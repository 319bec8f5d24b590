/**
 * A vega-lite spec to SVG text, on the server, with no DOM and no canvas:
 *
 *   vega-lite spec ──compile──► vega spec ──parse──► View (renderer 'none') ──toSVG──► SVG text
 *
 * Vega-lite's warnings (a channel it ignores, a bad scale) are collected,
 * not printed, so the tests can require that every chart compiles cleanly.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A compiled chart: the vega spec and the warnings vega-lite raised. */
export interface CompiledChart {
  readonly vegaSpec: vega.Spec;
  readonly warnings: readonly string[];
}

function collectingLogger(messages: string[]): vega.LoggerInterface {
  const record = (kind: string) =>
    (...args: readonly unknown[]): vega.LoggerInterface => {
      messages.push(`${kind}: ${args.map(String).join(' ')}`);
      return logger;
    };
  const logger: vega.LoggerInterface = {
    level: ((level?: number) => (level === undefined ? vega.Warn : logger)) as vega.LoggerInterface['level'],
    error: record('error'),
    warn: record('warn'),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * Compiles a vega-lite spec to vega, collecting warnings.
 * @throws Error when vega-lite rejects the spec.
 * @example const { vegaSpec, warnings } = compileChart(spec);
 */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const vegaSpec = compile(spec, { logger: collectingLogger(warnings) }).spec;
  return { vegaSpec, warnings };
}

/**
 * Renders a vega-lite spec to SVG text, headless. The same spec always gives
 * the same text (vega measures text by estimate here, not with a font).
 * Cost: one vega dataflow run.
 * @throws Error when the spec does not compile or the view fails to run.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vegaSpec } = compileChart(spec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
