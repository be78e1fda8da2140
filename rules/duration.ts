/**
 * Durations as people write them (`90s`, `10m`, `1h30m`, `500ms`): one reading for the provider's
 * timeouts and the cluster's drain timeout, on both sides. Pure: imports nothing of either side.
 */

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a duration (zero included); undefined when unreadable. */
export function durationMs(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(match[1]) * (UNITS[match[2] ?? ""] ?? 0);
  return Number.isFinite(total) ? Math.round(total) : undefined;
}
