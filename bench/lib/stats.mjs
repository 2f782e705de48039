// Medians and percentiles of timed runs.

export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile: the smallest value at or above p percent of the values. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}

/** The 60 Hz frame budget. */
export const FRAME_BUDGET_MS = 16.7;
/**
 * With vsync on, frames start (the requestAnimationFrame timestamp) 16.7 ms apart, 16.6 to 16.8
 * measured on an idle page; after a frame that missed its deadline, 33 ms or more. 17.5 ms tells
 * them apart.
 */
export const VSYNC_MISS_MS = 17.5;

/** Frame-interval figures of one pass along the path. */
export function frameStats(intervals) {
  const share = (limit) => intervals.filter((t) => t > limit).length / intervals.length;
  return {
    p50: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    p99: percentile(intervals, 99),
    overBudget: share(FRAME_BUDGET_MS),
    vsyncMiss: share(VSYNC_MISS_MS),
  };
}

/** The median of each figure over passes. */
export function medianOfPasses(passes) {
  const keys = Object.keys(passes[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, median(passes.map((p) => p[k]))]));
}

/**
 * The figures of each pass (lists of frame intervals along the same path), their medians, and
 * the median interval of each step over the passes (where along the path the time goes).
 */
export function summarizePasses(passes) {
  const perPass = passes.map(frameStats);
  const steps = passes[0]?.map((_, i) => Number(median(passes.map((p) => p[i])).toFixed(1))) ?? [];
  return { perPass, median: medianOfPasses(perPass), stepMedians: steps };
}

export const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
