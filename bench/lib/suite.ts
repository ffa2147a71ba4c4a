// The shape of one benchmark suite, as the runner (bench/run.ts) sees it.

export interface BenchContext {
  /** --quick: fewer samples and shorter runs. */
  quick: boolean;
  /** Directory of the compiled benchmarks (the child-process entry points live there). */
  benchDir: string;
  /** Progress lines (stderr), so a long run shows it is alive. */
  log: (line: string) => void;
}

export interface TargetCheck {
  target: string;
  met: boolean;
  /** The measured value, or why it was missed. */
  detail: string;
}

export interface SuiteResult {
  /** The suite's section body in BENCHMARKS.md (tables, notes), without its heading. */
  markdown: string;
  targets: TargetCheck[];
}

export interface Suite {
  /** Short id for `--only NAME` and the BENCHMARKS.md markers. */
  name: string;
  /** Section heading. */
  title: string;
  run(context: BenchContext): Promise<SuiteResult>;
}
