/**
 * Phase `runPrograms` (first day of each month): digital-skills training and
 * device subsidies reach up to their monthly capacity of eligible citizens,
 * while their budget lasts. Trainees are drawn uniformly among eligible
 * citizens; devices go to eligible citizens without access.
 * Writes: skill and access columns, program spending and counters.
 */
import { CityCounter as C, SegmentCounter as S } from '../counters.js';
import type { PolicyParams, ProgramParams } from '../config.js';
import type { RandomStream } from '../random/streams.js';
import { addCity, addSegment, type SimContext, type SimState } from '../state.js';
import { giveAccess } from './spread-access.js';
import { FloatSlot, CitizenRecord, skillOf } from '../citizens.js';
import { storeSkill } from '../stocks.js';

export function runPrograms(state: SimState, ctx: SimContext): void {
  const policy = state.policy;
  const rng = ctx.streams.programs;
  const segmentCount = ctx.config.segments.ids.length;
  const eligible = new Float64Array(segmentCount);
  // Both programs read here: `policy.devices` read after the training loop was a property V8 had not yet seen
  // when it compiled the loop, and it recompiled the phase every month. Each loop is a function of its own for
  // the same reason: V8 optimizes a long loop while it runs, and that code, without the statements after the
  // loop seen, was entered again every month and thrown away at them.
  const training = policy.training;
  const devices = policy.devices;
  const trainees = affordable(training, state.trainingSpent);
  if (trainees > 0) train(state, ctx, training, trainees, eligible, rng);
  const recipients = affordable(devices, state.devicesSpent);
  if (recipients > 0) giveDevices(state, devices, recipients, eligible, rng);
}

/** Trains up to `trainees` eligible citizens drawn uniformly. */
function train(state: SimState, ctx: SimContext, training: PolicyParams['training'], trainees: number, eligible: Float64Array, rng: RandomStream): void {
  const segmentCount = eligible.length;
  // Segment sizes do not change: the eligible counts hold for every trainee.
  const total = eligibleCounts(state, training, false, eligible);
  for (let i = 0; i < trainees; i++) {
    const s = pickSegment(eligible, total, rng);
    if (s < 0) break;
    const citizen = state.segmentStart[s]! + Math.floor(rng.next() * ctx.config.segments.citizens[s]!);
    const skill = skillOf(state.citizens, citizen);
    storeSkill(state.citizens.floats, state.stocks.skillSum, citizen * CitizenRecord.floats + FloatSlot.skill, s, skill + training.skillGain * (1 - skill));
    state.trainingSpent += training.costPerPerson;
    addCity(state, C.costTraining, training.costPerPerson);
    addSegment(state, s, S.trained, 1, segmentCount);
  }
}

/** Gives up to `recipients` devices to eligible citizens without access. */
function giveDevices(state: SimState, devices: ProgramParams, recipients: number, eligible: Float64Array, rng: RandomStream): void {
  const segmentCount = eligible.length;
  // Devices go to citizens without access: a segment's count drops by one with each.
  let total = eligibleCounts(state, devices, true, eligible);
  for (let i = 0; i < recipients; i++) {
    const s = pickSegment(eligible, total, rng);
    if (s < 0) break;
    if (giveAccess(state, rng, s, 1) === 0) break;
    eligible[s]!--;
    total--;
    state.devicesSpent += devices.costPerPerson;
    addCity(state, C.costDevices, devices.costPerPerson);
    addSegment(state, s, S.devicesGiven, 1, segmentCount);
  }
}

/** People a program can reach this month: its capacity, limited by what is left of its budget. */
function affordable(program: ProgramParams, spent: number): number {
  if (program.capacityPerMonth <= 0) return 0;
  const byBudget = program.costPerPerson > 0 ? Math.floor((program.budget - spent) / program.costPerPerson) : Infinity;
  return Math.max(0, Math.min(Math.round(program.capacityPerMonth), byBudget));
}

/**
 * Eligible citizens per segment into `eligible` (those without access when
 * `needsNoAccess`); returns their total.
 */
function eligibleCounts(state: SimState, program: ProgramParams, needsNoAccess: boolean, eligible: Float64Array): number {
  let total = 0;
  for (let s = 0; s < eligible.length; s++) {
    eligible[s] = eligibleIn(state, program, s, needsNoAccess);
    total += eligible[s]!;
  }
  return total;
}

/** A segment drawn in proportion to its eligible citizens; −1 when none is left. */
function pickSegment(eligible: Float64Array, total: number, rng: RandomStream): number {
  if (total === 0) return -1;
  let draw = rng.next() * total;
  for (let s = 0; s < eligible.length; s++) {
    draw -= eligible[s]!;
    if (draw < 0) return s;
  }
  return eligible.length - 1;
}

function eligibleIn(state: SimState, program: ProgramParams, s: number, needsNoAccess: boolean): number {
  if (program.eligibleSegment[s] !== 1) return 0;
  const size = state.segmentStart[s + 1]! - state.segmentStart[s]!;
  return needsNoAccess ? size - state.accessCount[s]! : size;
}
