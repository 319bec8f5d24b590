/**
 * Showing a sweep's progress on stderr: a live bar (done/total, failed,
 * rate, ETA) on a terminal, otherwise a plain line every few seconds and at
 * the end, e.g. `sweep: 420/1000 runs (3 failed), 12.3 runs/s, ETA 47 s`.
 * The rate counts this process's runs only (a resumed sweep's earlier runs
 * took no time now).
 */
import cliProgress from 'cli-progress';
import { formatDuration, sweepMessage } from './messages.js';
import type { SweepProgress } from './run-sweep.js';

/** How progress is shown: `auto` picks `bar` on a terminal, `plain` otherwise. */
export type ProgressMode = 'auto' | 'bar' | 'plain' | 'none';

export interface ProgressReporter {
  update(progress: SweepProgress): void;
  /** Shows the final state and releases the terminal. */
  finish(): void;
}

/** Where progress goes: a stream with, when it is a terminal, `isTTY`. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

function rateOf(progress: SweepProgress): number {
  return progress.elapsedSeconds > 0 ? progress.sessionDone / progress.elapsedSeconds : 0;
}

function etaOf(progress: SweepProgress): number | undefined {
  const rate = rateOf(progress);
  if (progress.done >= progress.total) return 0;
  return rate > 0 ? (progress.total - progress.done) / rate : undefined;
}

/** The plain progress line. */
export function progressLine(progress: SweepProgress): string {
  return sweepMessage.progressLine(progress.done, progress.total, progress.failed, rateOf(progress), etaOf(progress));
}

/**
 * A reporter writing to `stream` (stderr). `intervalSeconds` spaces the plain
 * lines; `now` gives the time in seconds (passed in for tests).
 */
export function createProgressReporter(stream: ProgressStream, mode: ProgressMode, intervalSeconds = 5, now: () => number = () => performance.now() / 1000): ProgressReporter {
  const chosen = mode === 'auto' ? (stream.isTTY === true ? 'bar' : 'plain') : mode;
  let last: SweepProgress | undefined;
  if (chosen === 'none') return { update: () => undefined, finish: () => undefined };
  if (chosen === 'plain') {
    let lastPrinted = now();
    return {
      update(progress) {
        last = progress;
        if (now() - lastPrinted >= intervalSeconds) {
          lastPrinted = now();
          stream.write(`${progressLine(progress)}\n`);
        }
      },
      finish() {
        if (last !== undefined) stream.write(`${progressLine(last)}\n`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: 'sweep |{bar}| {value}/{total} runs ({failed} failed) | {rate} runs/s | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      fps: 5,
      noTTYOutput: true,
      notTTYSchedule: intervalSeconds * 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const payload = (progress: SweepProgress): Record<string, string | number> => {
    const eta = etaOf(progress);
    return { failed: progress.failed, rate: rateOf(progress).toFixed(1), etaText: eta === undefined ? '?' : formatDuration(eta) };
  };
  return {
    update(progress) {
      last = progress;
      if (!started) {
        bar.start(progress.total, progress.done, payload(progress));
        started = true;
        return;
      }
      if (bar.getTotal() !== progress.total) bar.setTotal(progress.total);
      bar.update(progress.done, payload(progress));
    },
    finish() {
      if (started && last !== undefined) bar.update(last.done, payload(last));
      if (started) bar.stop();
    },
  };
}
