/**
 * The texts of the built-in scenarios (`scenarios/*.yaml`) by file name.
 * Empty here: `build.ts` replaces this module when it bundles the app, so the
 * page carries the scenarios with it and needs no server to read them.
 * Node code passes the texts it reads to `createScenarioLibrary` instead.
 */
export const SCENARIO_TEXTS: Readonly<Record<string, string>> = {};
