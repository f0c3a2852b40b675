import { performance } from 'node:perf_hooks';

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Milliseconds one call of `work` takes. */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Runs each contender once per round, in turn (A B A B …), so that a machine that slows down
 * or speeds up over the run affects them alike, and returns each one's samples.
 */
export async function interleaved<K extends string>(rounds: number, contenders: Record<K, () => Promise<number>>): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let index = 0; index < rounds; index += 1) {
    // Alternate who goes first, so neither always runs on the other's warm caches.
    const order = index % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(await contenders[name]());
  }
  return samples;
}

/** Median latency of `count` sequential calls, for one round of an interleaved comparison. */
export async function medianLatency(count: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) samples.push(await timeOnce(work));
  return median(samples);
}
