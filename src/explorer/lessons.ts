/**
 * Guided lessons: settings an instructor can load in one click, each with a
 * short text saying what to try and what to watch. Every lesson is an A/B
 * pair on one seed (common random numbers), so the difference on screen is
 * the policy's, not chance's. Built on the scenario files in `scenarios/`.
 */
import type { ExplorerSettings } from './settings.js';
import { DEFAULT_SETTINGS } from './settings.js';

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** Two to four sentences: the situation, what to watch, what to try next. */
  readonly text: string;
  readonly settings: ExplorerSettings;
}

const lesson = (id: string, title: string, text: string, settings: Omit<Partial<ExplorerSettings>, 'lesson'>): Lesson => ({
  id,
  title,
  text,
  settings: { ...DEFAULT_SETTINGS, speed: 'normal', ...settings, lesson: id },
});

/** The lessons, in teaching order. */
export const LESSONS: readonly Lesson[] = [
  lesson(
    'close-counters',
    'Close the counters',
    'A keeps today\'s city. B closes its counters at month 6 to save money. Watch who can still get served: the oldest and poorest groups lose the most, and their trust falls furthest. Then look at the cost per met need: is the saving real once the unmet needs are counted?',
    {
      a: { scenario: 'city', file: null, levers: {} },
      b: { scenario: 'city', file: null, levers: { counter: { openAtStart: true, switchMonth: 6 } } },
      watch: 'channels',
    },
  ),
  lesson(
    'assisted-digital',
    'Add assisted digital',
    'Both cities go digital-only at month 6: counters and phone close. B opens assisted digital at the same time: staff and partners who help people use the online service. Watch the 75+ line in "Needs met" and the channel mix. Try: lower B\'s assisted capacity until the gap comes back.',
    {
      a: { scenario: 'digital-only', file: null, levers: {} },
      b: { scenario: 'digital-only', file: null, levers: { assisted: { openAtStart: false, switchMonth: 6 }, assistedCapacity: 3.3 } },
      watch: 'channels',
    },
  ),
  lesson(
    'online-kpi',
    'Reward the online-share KPI',
    'B rewards offices for reporting 80% of transactions online, and never audits. Watch the KPI chart: the reported share climbs away from the true share while citizens\' experience stays the same. Try: raise B\'s audit probability and see the gap close.',
    {
      a: { scenario: 'city', file: null, levers: {} },
      b: { scenario: 'city', file: null, levers: { onlineShareTarget: 0.8, auditProbability: 0 } },
      watch: 'kpi',
    },
  ),
  lesson(
    'data-breach',
    'A data breach',
    'A collects only the data it needs and keeps it for a year. B collects three times as much and keeps it ten years. The breach hazard per record is the same in both (set high, so a small city sees one in three years): B holds far more records, so breaches strike it. Watch records held and trust. Try: raise B\'s transparency and security spending.',
    {
      a: { scenario: 'f2-minimal-collection', file: null, levers: { breachRate: 200 } },
      b: { scenario: 'f2-breach-heavy-collection', file: null, levers: { breachRate: 200 } },
      watch: 'privacy',
    },
  ),
  lesson(
    'outage',
    'An outage: digital-only against hybrid',
    'Both cities suffer about six digital outages a year. A went digital-only at month 6; B kept phone and counters and added assisted digital. Watch the backlog chart and "Needs met" during outages: with a human channel open, demand spills over instead of piling up.',
    {
      a: { scenario: 'h7-outage-digital-only', file: null, levers: {} },
      b: { scenario: 'h7-outage-hybrid', file: null, levers: {} },
      watch: 'backlog',
    },
  ),
  lesson(
    'appeal',
    'Automated decisions without appeal',
    'Both cities let a machine decide most benefit claims, with the same error rate. In A a person reviews appeals; in B nobody does. Watch trust and the H4 row of the scorecard: wrongful denials that stand cost trust long after the decision.',
    {
      a: { scenario: 'h4-automation-with-appeal', file: null, levers: {} },
      b: { scenario: 'h4-robodebt-no-appeal', file: null, levers: {} },
      watch: 'channels',
    },
  ),
  lesson(
    'train-and-equip',
    'Train and equip older citizens',
    'Both cities close counters and phone at month 6. B also opens assisted digital and runs training and device programs for people over 60. Watch "Needs met" by age and the program spending in the cost chart: inclusion has a price, and so does exclusion.',
    {
      a: { scenario: 'digital-only', file: null, levers: {} },
      b: { scenario: 'h2-inclusive-digital', file: null, levers: {} },
      watch: 'channels',
    },
  ),
];

/** The lesson with this id. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((entry) => entry.id === id);
}
