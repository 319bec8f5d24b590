/// <reference lib="dom" />
/**
 * The lever panel: one labelled native control per lever (range, select,
 * checkbox), grouped in collapsible fieldsets, all reachable by Tab and
 * operable from the keyboard. Built once per scenario and synced in place
 * afterwards, so moving a lever never loses focus.
 */
import { LEVER_GROUPS, LEVERS, leverValueIn, sameLeverValue, scheduledMonths, type ChannelLever, type ChannelPlan, type Lever, type LeverValue } from '../levers.js';
import type { Scenario } from '../../scenarios/schema.js';
import { h } from './dom.js';
import { leverText } from './format.js';

/** Called when the user sets a lever (undefined: back to the scenario's value). */
export type LeverChange = (id: string, value: LeverValue | undefined) => void;

export interface LeverPanel {
  /** Shows these overrides (after a lesson, a link or an undo). */
  sync(overrides: Readonly<Record<string, LeverValue>>): void;
}

const CHANNEL_MODES = [
  { value: 'open', label: 'Open all along' },
  { value: 'closed', label: 'Closed all along' },
  { value: 'closes', label: 'Closes at month…' },
  { value: 'opens', label: 'Opens at month…' },
] as const;

function modeOf(plan: ChannelPlan): string {
  if (plan.switchMonth === null) return plan.openAtStart ? 'open' : 'closed';
  return plan.openAtStart ? 'closes' : 'opens';
}

interface Row {
  readonly lever: Lever;
  readonly element: HTMLElement;
  show(value: LeverValue, overridden: boolean): void;
}

const openGroups = new Set<string>(['channels']);

/**
 * Builds the panel for `scenario` into `container` (replacing its content).
 * Ids are prefixed with `prefix` so tests and labels can find each control.
 */
export function buildLeverPanel(container: HTMLElement, scenario: Scenario, overrides: Readonly<Record<string, LeverValue>>, onChange: LeverChange): LeverPanel {
  const rows: Row[] = [];
  const horizon = scenario.horizonMonths;
  const groups = LEVER_GROUPS.map((group) => {
    // A group opens by itself when the user opened it before or one of its levers is set (after a lesson or a link).
    const changed = LEVERS.some((lever) => lever.group === group.id && overrides[lever.id] !== undefined);
    if (changed) openGroups.add(group.id);
    const details = h('details', { class: 'lever-group', open: openGroups.has(group.id) });
    details.addEventListener('toggle', () => (details.open ? openGroups.add(group.id) : openGroups.delete(group.id)));
    const fieldset = h('fieldset', {}, h('legend', { class: 'visually-hidden' }, group.label));
    details.append(h('summary', {}, group.label), fieldset);
    for (const lever of LEVERS.filter((candidate) => candidate.group === group.id)) {
      const row = buildRow(lever, scenario, horizon, onChange);
      rows.push(row);
      fieldset.append(row.element);
    }
    return details;
  });
  container.replaceChildren(...groups);
  const sync = (current: Readonly<Record<string, LeverValue>>): void => {
    for (const row of rows) {
      const override = current[row.lever.id];
      const base = leverValueIn(scenario, row.lever);
      row.show(override ?? base, override !== undefined && !sameLeverValue(override, base));
    }
  };
  sync(overrides);
  return { sync };
}

function undoButton(lever: Lever, onChange: LeverChange): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'undo', 'aria-label': `Put ${lever.label} back to the scenario's value` }, '↺ scenario');
  button.addEventListener('click', () => onChange(lever.id, undefined));
  return button;
}

function scheduleNote(scenario: Scenario, lever: Lever): string | null {
  const months = scheduledMonths(scenario, lever);
  if (months.length === 0 || lever.kind === 'channel') return null;
  return `The scenario changes this at month ${months.join(', ')}; moving it sets it for the whole run.`;
}

function buildRow(lever: Lever, scenario: Scenario, horizon: number, onChange: LeverChange): Row {
  const id = `lever-${lever.id}`;
  const helpId = `${id}-help`;
  const undo = undoButton(lever, onChange);
  const note = scheduleNote(scenario, lever);
  const help = h('p', { class: 'help', id: helpId }, lever.help, note === null ? null : h('span', { class: 'note' }, ` ${note}`));
  const element = h('div', { class: 'lever', 'data-lever': lever.id });
  const label = h('label', { for: id }, lever.label);
  const head = h('div', { class: 'lever-head' }, label, undo);

  if (lever.kind === 'number') {
    const input = h('input', { type: 'range', id, min: lever.min, max: lever.max, step: lever.step, 'aria-describedby': helpId });
    const output = h('output', { for: id, class: 'value' });
    let timer: number | undefined;
    const commit = (): void => {
      window.clearTimeout(timer);
      onChange(lever.id, Number(input.value));
    };
    input.addEventListener('input', () => {
      output.textContent = leverText(lever, Number(input.value));
      input.setAttribute('aria-valuetext', output.textContent);
      window.clearTimeout(timer);
      timer = window.setTimeout(commit, 350);
    });
    input.addEventListener('change', commit);
    element.append(head, h('div', { class: 'lever-input' }, input, output), help);
    return {
      lever,
      element,
      show: (value, overridden) => {
        if (document.activeElement !== input || input.value !== String(value)) input.value = String(value);
        output.textContent = leverText(lever, Number(value));
        input.setAttribute('aria-valuetext', output.textContent);
        element.classList.toggle('changed', overridden);
        undo.hidden = !overridden;
      },
    };
  }

  if (lever.kind === 'toggle') {
    const input = h('input', { type: 'checkbox', id, 'aria-describedby': helpId });
    input.addEventListener('change', () => onChange(lever.id, input.checked));
    element.append(h('div', { class: 'lever-head' }, h('span', { class: 'check' }, input, label), undo), help);
    return {
      lever,
      element,
      show: (value, overridden) => {
        input.checked = value === true;
        element.classList.toggle('changed', overridden);
        undo.hidden = !overridden;
      },
    };
  }

  if (lever.kind === 'choice') {
    const select = h('select', { id, 'aria-describedby': helpId }, ...lever.options.map((option) => h('option', { value: option.value }, option.label)));
    select.addEventListener('change', () => onChange(lever.id, select.value));
    element.append(head, select, help);
    return {
      lever,
      element,
      show: (value, overridden) => {
        select.value = String(value);
        element.classList.toggle('changed', overridden);
        undo.hidden = !overridden;
      },
    };
  }

  return channelRow(lever, horizon, element, head, help, undo, onChange);
}

function channelRow(lever: ChannelLever, horizon: number, element: HTMLElement, head: HTMLElement, help: HTMLElement, undo: HTMLButtonElement, onChange: LeverChange): Row {
  const id = `lever-${lever.id}`;
  const select = h('select', { id, 'aria-describedby': `${id}-help` }, ...CHANNEL_MODES.map((mode) => h('option', { value: mode.value }, mode.label)));
  const monthId = `${id}-month`;
  const month = h('input', { type: 'number', id: monthId, min: 1, max: horizon - 1, step: 1, inputmode: 'numeric' });
  const monthLabel = h('label', { for: monthId, class: 'month-label' }, 'month');
  const monthBox = h('span', { class: 'month-box' }, monthLabel, month);
  const plan = (): ChannelPlan => {
    const mode = select.value;
    const chosen = Math.round(Number(month.value));
    const switchMonth = Number.isFinite(chosen) && chosen >= 1 ? Math.min(horizon - 1, chosen) : Math.min(6, horizon - 1);
    if (mode === 'open' || mode === 'closed') return { openAtStart: mode === 'open', switchMonth: null };
    return { openAtStart: mode === 'closes', switchMonth };
  };
  const commit = (): void => onChange(lever.id, plan());
  select.addEventListener('change', () => {
    monthBox.hidden = select.value === 'open' || select.value === 'closed';
    if (month.value === '') month.value = String(Math.min(6, horizon - 1));
    commit();
  });
  month.addEventListener('change', commit);
  element.append(head, h('div', { class: 'lever-input' }, select, monthBox), help);
  return {
    lever,
    element,
    show: (value, overridden) => {
      const current = value as ChannelPlan;
      select.value = modeOf(current);
      monthBox.hidden = current.switchMonth === null;
      if (current.switchMonth !== null && document.activeElement !== month) month.value = String(current.switchMonth);
      element.classList.toggle('changed', overridden);
      undo.hidden = !overridden;
    },
  };
}
