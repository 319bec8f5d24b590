/// <reference lib="dom" />
/**
 * The explorer page: settings in, runs in workers, panels out.
 *
 *   link (#hash) ─► settings ─► per policy: scenario ─► applyLevers ─► worker run
 *   controls ─────► settings ─► link (replaceState) and a fresh run
 *   clock (play/step) ─► one month per policy, in lockstep ─► cards, charts, scorecard
 *
 * All state lives in `settings` (what a link restores) plus the playback
 * state; every control writes settings through `update`, and the page
 * redraws from settings and the runs' snapshots.
 */
// First: before any module builds a zod schema.
import '../zod-jitless.js';
import { stringify } from 'yaml';
import { formatIssues } from '../../scenarios/issues.js';
import type { ParseResult } from '../../scenarios/parse.js';
import type { Scenario } from '../../scenarios/schema.js';
import { applyLevers, type ApplyResult, type LeverValue } from '../levers.js';
import { LESSONS, lessonById } from '../lessons.js';
import { createScenarioLibrary } from '../scenario-library.js';
import { SCENARIO_TEXTS } from '../scenario-texts.js';
import {
  GROUPINGS,
  MAX_SEED,
  MONTHS_PER_SECOND,
  POPULATIONS,
  SPEEDS,
  WATCHES,
  type ExplorerSettings,
  type Grouping,
  type PolicySettings,
  type Speed,
  type Watch,
} from '../settings.js';
import { decodeSettings, encodeSettings } from '../url-state.js';
import { buildLeverPanel, type LeverPanel } from './controls.js';
import { byId, h } from './dom.js';
import { createRunner, createSimulationWorker, runToEnd, type Runner } from './runner.js';
import { createChartBoard, renderCards, renderScorecard, type PolicyView } from './views.js';

type Side = 'a' | 'b';

/** One policy's scenario, levers and run. */
interface Slot {
  readonly side: Side;
  readonly label: 'A' | 'B';
  runner: Runner | undefined;
  /** Identifies the parsed base (built-in name or dropped file). */
  baseKey: string;
  base: ParseResult | undefined;
  applied: ApplyResult | undefined;
}

const library = createScenarioLibrary(SCENARIO_TEXTS);
const scenarioNames = new Map(library.names.map((name) => {
  const parsed = library.parseBuiltin(name);
  return [name, parsed.ok ? parsed.scenario.name : name] as const;
}));

const el = {
  play: byId('play', HTMLButtonElement),
  step: byId('step', HTMLButtonElement),
  reset: byId('reset', HTMLButtonElement),
  speed: byId('speed', HTMLSelectElement),
  clock: byId('clock', HTMLDivElement),
  share: byId('share', HTMLButtonElement),
  present: byId('present', HTMLButtonElement),
  lesson: byId('lesson', HTMLSelectElement),
  ab: byId('ab', HTMLInputElement),
  editing: byId('editing', HTMLFieldSetElement),
  editA: byId('edit-a', HTMLInputElement),
  editB: byId('edit-b', HTMLInputElement),
  scenario: byId('scenario', HTMLSelectElement),
  scenarioLabel: byId('scenario-label', HTMLLabelElement),
  openFile: byId('open-file', HTMLButtonElement),
  file: byId('file', HTMLInputElement),
  seed: byId('seed', HTMLInputElement),
  population: byId('population', HTMLSelectElement),
  grouping: byId('grouping', HTMLSelectElement),
  watch: byId('watch', HTMLSelectElement),
  levers: byId('levers', HTMLDivElement),
  leversFor: byId('levers-for', HTMLSpanElement),
  resetLevers: byId('reset-levers', HTMLButtonElement),
  exportButton: byId('export', HTMLButtonElement),
  lessonBox: byId('lesson-box', HTMLElement),
  problems: byId('problems', HTMLDivElement),
  cards: byId('cards', HTMLElement),
  charts: byId('charts', HTMLElement),
  scorecard: byId('scorecard', HTMLElement),
  drop: byId('drop', HTMLDivElement),
  status: byId('status', HTMLDivElement),
};

const decoded = decodeSettings(window.location.hash);
let settings: ExplorerSettings = decoded.settings;
let editing: Side = 'a';
let playing = false;
let lastHash = '';
let panel: { key: string; panel: LeverPanel } | undefined;
let tickTimer: number | undefined;
let lastTickAt = 0;
let renderQueued = false;
let announcedFinish = false;
const slots: Record<Side, Slot> = {
  a: { side: 'a', label: 'A', runner: undefined, baseKey: '', base: undefined, applied: undefined },
  b: { side: 'b', label: 'B', runner: undefined, baseKey: '', base: undefined, applied: undefined },
};
const board = createChartBoard(el.charts);

// ---------------------------------------------------------------- settings

const policyOf = (side: Side): PolicySettings => (side === 'a' ? settings.a : settings.b ?? settings.a);
const activeSides = (): Side[] => (settings.b === null ? ['a'] : ['a', 'b']);

/** Replaces the settings; `restart` starts the runs again (anything that changes a run's numbers). */
function update(next: ExplorerSettings, restart: boolean): void {
  settings = next;
  if (settings.b === null) editing = 'a';
  writeHash();
  if (restart) prepare();
  else render();
}

function setPolicy(side: Side, policy: PolicySettings): void {
  update(side === 'a' ? { ...settings, a: policy } : { ...settings, b: policy }, true);
}

function writeHash(): void {
  lastHash = encodeSettings(settings);
  if (window.location.hash.slice(1) !== lastHash) window.history.replaceState(null, '', `#${lastHash}`);
}

// ---------------------------------------------------------------- runs

function baseKeyOf(policy: PolicySettings): string {
  return policy.file === null ? `builtin:${policy.scenario}` : `file:${policy.file.name}:${policy.file.text.length}:${policy.file.text}`;
}

/** Parses each active policy's scenario (when it changed), applies its levers and starts its run at month 0. */
function prepare(): void {
  announcedFinish = false;
  for (const side of ['a', 'b'] as const) {
    const slot = slots[side];
    if (!activeSides().includes(side)) {
      slot.runner?.clear();
      continue;
    }
    const policy = policyOf(side);
    const key = baseKeyOf(policy);
    if (key !== slot.baseKey || slot.base === undefined) {
      slot.baseKey = key;
      slot.base = policy.file === null ? library.parseBuiltin(policy.scenario) : library.parseDropped(policy.file.name, policy.file.text);
    }
    slot.applied = slot.base.ok ? applyLevers(slot.base.scenario, policy.levers, settings.population) : undefined;
    slot.runner ??= createRunner(createSimulationWorker(), onRunUpdate);
    if (slot.applied?.ok === true) slot.runner.start(slot.applied.scenario, settings.seed);
    else slot.runner.clear();
  }
  syncControls();
  render();
}

function onRunUpdate(): void {
  queueRender();
  pump();
}

function runners(): Runner[] {
  return activeSides().flatMap((side) => (slots[side].runner === undefined ? [] : [slots[side].runner!]));
}

const allFinished = (): boolean => runners().length > 0 && runners().every((runner) => runner.finished());
const anyError = (): boolean => runners().some((runner) => runner.view().error !== null) || activeSides().some((side) => slots[side].applied?.ok !== true);

/** While playing: once every run has answered, asks each for its next month, paced by the speed. */
function pump(): void {
  if (!playing) return;
  if (anyError()) {
    playing = false;
    queueRender();
    return;
  }
  const list = runners();
  if (list.length < activeSides().length || list.some((runner) => !runner.ready() || runner.busy())) return;
  if (allFinished()) {
    playing = false;
    queueRender();
    return;
  }
  const interval = 1000 / MONTHS_PER_SECOND[settings.speed];
  const wait = Math.max(0, lastTickAt + interval - performance.now());
  window.clearTimeout(tickTimer);
  tickTimer = window.setTimeout(() => {
    lastTickAt = performance.now();
    for (const runner of runners()) runner.advance();
  }, wait);
}

function play(): void {
  if (playing) {
    playing = false;
    window.clearTimeout(tickTimer);
    render();
    return;
  }
  if (allFinished()) prepare();
  playing = true;
  lastTickAt = 0;
  render();
  pump();
}

function stepMonth(): void {
  if (playing) {
    playing = false;
    window.clearTimeout(tickTimer);
  }
  const list = runners();
  if (list.some((runner) => runner.busy())) return;
  for (const runner of list) runner.advance();
  render();
}

function reset(): void {
  playing = false;
  window.clearTimeout(tickTimer);
  prepare();
  say('Reset to month 0.');
}

// ---------------------------------------------------------------- rendering

let sayTimer: number | undefined;

/** Shows a short message (and has screen readers say it); it fades after a few seconds. */
function say(text: string): void {
  el.status.textContent = '';
  window.clearTimeout(sayTimer);
  window.setTimeout(() => (el.status.textContent = text), 30);
  sayTimer = window.setTimeout(() => (el.status.textContent = ''), 6000);
}

/** Hides or shows the settings column, giving the charts the whole width for a projector. */
function togglePresenting(): void {
  const presenting = document.body.classList.toggle('presenting');
  el.present.textContent = presenting ? 'Show settings' : 'Hide settings';
  el.present.setAttribute('aria-expanded', String(!presenting));
  queueRender();
}

function queueRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  window.requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

function policyMonths(scenario: Scenario): number[] {
  return [...new Set(scenario.schedule.map((entry) => entry.month))].filter((month) => month > 0).sort((a, b) => a - b);
}

function views(): PolicyView[] {
  return activeSides().map((side) => {
    const slot = slots[side];
    const policy = policyOf(side);
    const applied = slot.applied;
    const name = applied?.ok === true ? applied.scenario.name : policy.file?.name ?? scenarioNames.get(policy.scenario) ?? policy.scenario;
    const empty = { months: 0, labels: null, segments: [], snapshots: [], headline: null, error: null, computeMs: 0 };
    return { label: slot.label, name, run: slot.runner?.view() ?? empty, policyMonths: applied?.ok === true ? policyMonths(applied.scenario) : [] };
  });
}

function problemsText(): string[] {
  const texts: string[] = [];
  for (const side of activeSides()) {
    const slot = slots[side];
    const who = settings.b === null ? '' : `Policy ${slot.label}: `;
    if (slot.base !== undefined && !slot.base.ok) texts.push(`${who}the scenario does not load:\n${formatIssues(slot.base.issues)}`);
    else if (slot.applied !== undefined && !slot.applied.ok) texts.push(`${who}the levers do not make a valid scenario:\n${slot.applied.problems.join('\n')}`);
    const error = slot.runner?.view().error ?? null;
    if (error !== null) texts.push(`${who}the run failed: ${error}`);
  }
  return texts;
}

function render(): void {
  const list = views();
  const done = Math.min(...list.map((view) => view.run.snapshots.length));
  const months = Math.max(0, ...list.map((view) => view.run.months));
  el.clock.textContent = months > 0 ? `Month ${done} of ${months}` : 'Month 0';
  const finished = allFinished();
  el.play.textContent = playing ? '❚❚ Pause' : finished ? '▶ Play again' : '▶ Play';
  el.play.setAttribute('aria-pressed', String(playing));
  el.step.disabled = finished;
  document.body.dataset.state = playing ? 'playing' : finished ? 'finished' : 'paused';
  if (finished && !announcedFinish) {
    announcedFinish = true;
    const seconds = Math.max(...list.map((view) => view.run.computeMs)) / 1000;
    say(`Finished: ${months} months simulated in ${seconds.toFixed(1)} s of computing.`);
  }
  const problems = problemsText();
  el.problems.hidden = problems.length === 0;
  el.problems.replaceChildren(...problems.map((text) => h('pre', {}, text)));
  renderCards(el.cards, list);
  board.draw(list, { grouping: settings.grouping, watch: settings.watch });
  renderScorecard(el.scorecard, list);
}

// ---------------------------------------------------------------- controls

function fillSelect(select: HTMLSelectElement, options: readonly { value: string; label: string }[]): void {
  select.replaceChildren(...options.map((option) => h('option', { value: option.value }, option.label)));
}

const SPEED_LABELS: Readonly<Record<Speed, string>> = { slow: 'Slow', normal: 'Normal', fast: 'Fast', max: 'Fastest' };
const GROUPING_LABELS: Readonly<Record<Grouping, string>> = { age: 'Age band', income: 'Income band', district: 'District' };
const WATCH_LABELS: Readonly<Record<Watch, string>> = { channels: 'Channel mix', kpi: 'KPI: reported against true', backlog: 'Backlog and outages', privacy: 'Data held and breaches' };

function setupStaticControls(): void {
  fillSelect(el.speed, SPEEDS.map((speed) => ({ value: speed, label: SPEED_LABELS[speed] })));
  fillSelect(el.grouping, GROUPINGS.map((grouping) => ({ value: grouping, label: GROUPING_LABELS[grouping] })));
  fillSelect(el.watch, WATCHES.map((watch) => ({ value: watch, label: WATCH_LABELS[watch] })));
  fillSelect(el.lesson, [{ value: '', label: 'No lesson: explore freely' }, ...LESSONS.map((lesson, i) => ({ value: lesson.id, label: `${i + 1}. ${lesson.title}` }))]);

  el.play.addEventListener('click', play);
  el.step.addEventListener('click', stepMonth);
  el.reset.addEventListener('click', reset);
  el.speed.addEventListener('change', () => update({ ...settings, speed: el.speed.value as Speed }, false));
  el.grouping.addEventListener('change', () => update({ ...settings, grouping: el.grouping.value as Grouping }, false));
  el.watch.addEventListener('change', () => update({ ...settings, watch: el.watch.value as Watch }, false));
  el.population.addEventListener('change', () => update({ ...settings, population: Number(el.population.value) }, true));
  el.seed.addEventListener('change', () => {
    const seed = Math.round(Number(el.seed.value));
    if (Number.isSafeInteger(seed) && seed >= 0 && seed <= MAX_SEED) update({ ...settings, seed }, true);
    else {
      el.seed.value = String(settings.seed);
      say(`A seed is a whole number from 0 to ${MAX_SEED}.`);
    }
  });
  el.lesson.addEventListener('change', () => {
    const lesson = lessonById(el.lesson.value);
    if (lesson === undefined) {
      update({ ...settings, lesson: null }, false);
      return;
    }
    playing = false;
    editing = 'a';
    update(lesson.settings, true);
    say(`Lesson loaded: ${lesson.title}. Press Play.`);
  });
  el.ab.addEventListener('change', () => {
    if (el.ab.checked) {
      editing = 'b';
      update({ ...settings, b: settings.a }, true);
      say('A/B on: policy B starts as a copy of A. The levers now set B.');
    } else {
      update({ ...settings, b: null }, true);
    }
  });
  for (const radio of [el.editA, el.editB]) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      editing = radio.value === 'b' && settings.b !== null ? 'b' : 'a';
      syncControls();
    });
  }
  el.scenario.addEventListener('change', () => {
    const name = el.scenario.value;
    if (name === '__file__') return;
    setPolicy(editing, { scenario: name, file: null, levers: {} });
  });
  el.openFile.addEventListener('click', () => el.file.click());
  el.file.addEventListener('change', () => {
    const file = el.file.files?.[0];
    if (file !== undefined) void loadFile(file);
    el.file.value = '';
  });
  el.resetLevers.addEventListener('click', () => setPolicy(editing, { ...policyOf(editing), levers: {} }));
  el.exportButton.addEventListener('click', exportScenario);
  el.share.addEventListener('click', () => void copyLink());
  el.present.addEventListener('click', togglePresenting);
  setupDrop();
  setupKeys();
  window.addEventListener('hashchange', () => {
    if (window.location.hash.slice(1) === lastHash) return;
    const next = decodeSettings(window.location.hash);
    if (next.problems.length > 0) say(`Some of the link could not be read: ${next.problems.join('; ')}.`);
    playing = false;
    editing = 'a';
    update(next.settings, true);
  });
  new ResizeObserver(() => queueRender()).observe(el.charts);
}

/** Puts the controls in line with the settings (after a lesson, a link, an A/B switch). */
function syncControls(): void {
  el.speed.value = settings.speed;
  el.grouping.value = settings.grouping;
  el.watch.value = settings.watch;
  el.seed.value = String(settings.seed);
  const populations = POPULATIONS.includes(settings.population as (typeof POPULATIONS)[number]) ? [...POPULATIONS] : [...POPULATIONS, settings.population].sort((a, b) => a - b);
  fillSelect(el.population, populations.map((size) => ({ value: String(size), label: size.toLocaleString('en-GB') })));
  el.population.value = String(settings.population);
  el.lesson.value = settings.lesson ?? '';
  el.ab.checked = settings.b !== null;
  el.editing.hidden = settings.b === null;
  el.editA.checked = editing === 'a';
  el.editB.checked = editing === 'b';
  const policy = policyOf(editing);
  const options = library.names.map((name) => ({ value: name, label: `${scenarioNames.get(name) ?? name} (${name}.yaml)` }));
  if (policy.file !== null) options.unshift({ value: '__file__', label: `File: ${policy.file.name}` });
  fillSelect(el.scenario, options);
  el.scenario.value = policy.file !== null ? '__file__' : policy.scenario;
  const who = settings.b === null ? '' : ` of policy ${editing.toUpperCase()}`;
  el.scenarioLabel.textContent = `Scenario${who}`;
  el.leversFor.textContent = settings.b === null ? '' : ` for policy ${editing.toUpperCase()}`;
  renderLesson();
  syncLevers();
}

function syncLevers(): void {
  const slot = slots[editing];
  const policy = policyOf(editing);
  if (slot.base === undefined || !slot.base.ok) {
    panel = undefined;
    el.levers.replaceChildren(h('p', { class: 'help' }, 'The levers appear when the scenario loads.'));
    return;
  }
  const key = `${editing}:${slot.baseKey}`;
  if (panel === undefined || panel.key !== key) {
    panel = { key, panel: buildLeverPanel(el.levers, slot.base.scenario, policy.levers, onLever) };
  } else {
    panel.panel.sync(policy.levers);
  }
}

function onLever(id: string, value: LeverValue | undefined): void {
  const policy = policyOf(editing);
  const levers: Record<string, LeverValue> = { ...policy.levers };
  if (value === undefined) delete levers[id];
  else levers[id] = value;
  setPolicy(editing, { ...policy, levers });
}

function renderLesson(): void {
  const lesson = settings.lesson === null ? undefined : lessonById(settings.lesson);
  el.lessonBox.hidden = lesson === undefined;
  if (lesson !== undefined) el.lessonBox.replaceChildren(h('h2', {}, `Lesson: ${lesson.title}`), h('p', {}, lesson.text));
}

async function loadFile(file: File): Promise<void> {
  if (file.size > 1_000_000) {
    say(`${file.name} is larger than 1 MB: not a scenario file.`);
    return;
  }
  const text = await file.text();
  setPolicy(editing, { scenario: policyOf(editing).scenario, file: { name: file.name, text }, levers: {} });
  const slot = slots[editing];
  say(slot.base?.ok === true ? `Loaded ${file.name} as policy ${editing.toUpperCase()}.` : `${file.name} does not load: see the message above the charts.`);
}

function setupDrop(): void {
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth++;
    el.drop.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) el.drop.hidden = true;
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    el.drop.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void loadFile(file);
  });
}

function setupKeys(): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    if (key === 'p') play();
    else if (key === 's') stepMonth();
    else if (key === 'r') reset();
    else if (key === 'h') togglePresenting();
    else return;
    event.preventDefault();
  });
}

/** The applied scenario of a policy as YAML that `dgsim run` reads, with a header saying how. */
function scenarioYaml(side: Side): string | null {
  const applied = slots[side].applied;
  if (applied?.ok !== true) return null;
  const file = `${fileStem(side)}.yaml`;
  return `# Exported from the dgsim explorer (policy ${slots[side].label}, ${settings.population.toLocaleString('en-GB')} simulated citizens).\n# The explorer's numbers for seed ${settings.seed} are those of: dgsim run ${file} --seed ${settings.seed}\n${stringify(applied.scenario, { lineWidth: 0 })}`;
}

function fileStem(side: Side): string {
  const policy = policyOf(side);
  const base = policy.file === null ? policy.scenario : policy.file.name.replace(/\.[^.]*$/, '');
  return `${base}-explorer-${side}`.replace(/[^A-Za-z0-9_.-]/g, '-');
}

function exportScenario(): void {
  const text = scenarioYaml(editing);
  if (text === null) {
    say('The scenario does not load, so there is nothing to download.');
    return;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const link = h('a', { href: url, download: `${fileStem(editing)}.yaml` });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say(`Downloaded ${fileStem(editing)}.yaml.`);
}

async function copyLink(): Promise<void> {
  writeHash();
  try {
    await navigator.clipboard.writeText(window.location.href);
    say('Link copied: it restores these settings.');
  } catch {
    say(`Copy this link: ${window.location.href}`);
  }
}

// ---------------------------------------------------------------- test hooks

/** What tests (and curious instructors, from the console) can ask the page. */
export interface ExplorerHooks {
  /** Runs scenario text (its `extends` resolved from the built-in files) with a seed in a fresh worker, month by month; resolves with the headline metrics. */
  run(text: string, seed: number): Promise<Record<string, number>>;
  settings(): ExplorerSettings;
  state(): { month: number; months: number; playing: boolean; finished: boolean; problems: string[] };
  /** Each active policy's run: headline metrics when finished, and its scenario as `dgsim run` would read it. */
  results(): { label: string; seed: number; headline: Record<string, number> | null; scenarioYaml: string | null }[];
}

const hooks: ExplorerHooks = {
  run: async (text, seed) => {
    const parsed = library.parseDropped('dgsim-run.yaml', text);
    if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
    return runToEnd(parsed.scenario, seed);
  },
  settings: () => settings,
  state: () => {
    const list = views();
    return {
      month: Math.min(...list.map((view) => view.run.snapshots.length)),
      months: Math.max(0, ...list.map((view) => view.run.months)),
      playing,
      finished: allFinished(),
      problems: problemsText(),
    };
  },
  results: () =>
    activeSides().map((side) => ({ label: slots[side].label, seed: settings.seed, headline: slots[side].runner?.view().headline ?? null, scenarioYaml: scenarioYaml(side) })),
};

declare global {
  interface Window {
    dgsim: ExplorerHooks;
    dgsimRun: ExplorerHooks['run'];
  }
}
window.dgsim = hooks;
window.dgsimRun = hooks.run;

// ---------------------------------------------------------------- start

setupStaticControls();
if (decoded.problems.length > 0) say(`Some of the link could not be read: ${decoded.problems.join('; ')}.`);
if (window.location.hash === '') say('Press Play, or pick a lesson.');
writeHash();
prepare();
