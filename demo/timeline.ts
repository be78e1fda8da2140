/** One finished step of the demo and how long it took. */
export interface StepTiming {
  readonly title: string;
  readonly ms: number;
}

/** `83.4 s`, or `2 min 03.4 s` from a minute on: the unit a reader of a timing table expects. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${(seconds - minutes * 60).toFixed(1).padStart(4, "0")} s`;
}

/** The table printed at the end: one line per step (number, duration, title), then the total. */
export function timingTable(steps: readonly StepTiming[], totalMs: number): string[] {
  const durations = steps.map((s) => formatDuration(s.ms));
  const width = Math.max(0, ...durations.map((d) => d.length));
  const lines = steps.map(
    (s, i) => `${String(i + 1).padStart(2)}. ${(durations[i] ?? "").padStart(width)}  ${s.title}`,
  );
  return [...lines, `total: ${formatDuration(totalMs)}`];
}

/**
 * The demo's steps: each printed under a numbered heading, timed, and listed with its time at the end.
 * The total runs from the timeline's creation, so it also counts what happens between steps.
 */
export class Timeline {
  private readonly steps: StepTiming[] = [];
  private readonly started = Date.now();

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  async step<T>(title: string, run: () => Promise<T>): Promise<T> {
    this.out.write(`\n\x1b[1m== [${this.steps.length + 1}] ${title}\x1b[0m\n`);
    const begun = Date.now();
    try {
      return await run();
    } finally {
      const ms = Date.now() - begun;
      this.steps.push({ title, ms });
      this.out.write(`-- ${formatDuration(ms)}\n`);
    }
  }

  summary(): void {
    this.out.write("\n\x1b[1m== step timings\x1b[0m\n");
    for (const line of timingTable(this.steps, Date.now() - this.started)) this.out.write(`${line}\n`);
  }
}
