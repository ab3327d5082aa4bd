import type { Config } from '../config/config.js';
import type { RunContext } from '../context/for-run.js';
import type { SkippedFile } from '../diff/filter.js';
import type { DiffFile } from '../diff/types.js';
import type { UsageLedger } from '../llm/ledger.js';
import type { RunBudget } from '../plan/budget.js';
import type { ChosenModel } from '../plan/choose-model.js';
import type { Tier } from '../plan/tier.js';
import type { ForgeClient, Identity, IssueComment, Logger, ModelClient, PullRequest } from '../ports.js';
import type { Guidelines } from '../review/guidelines.js';
import type { Scope } from '../review/scope.js';
import type { PendingRun, ReviewState, RunRecord } from '../state/marker.js';
import type { ReviewRequest } from '../trigger/trigger.js';

/** What every step of one run is handed: the ports, the settings and the clock. */
export type StepDeps = {
  config: Config;
  forge: ForgeClient;
  model: ModelClient | null;
  log: Logger;
  request: ReviewRequest;
  now: () => Date;
  runId: string;
  onCancel?: (flush: () => Promise<void>) => void;
};

/** The pull request as the forge shows it now, and what the action recorded on it before. */
export type PullView = {
  pr: PullRequest;
  /** Set when the description was cut to its cap. */
  descriptionNote: string | null;
  kept: DiffFile[];
  skipped: SkippedFile[];
  /** Whom the token posts as; null when the forge would not say (nothing is then trusted). */
  self: Identity | null;
  /** The action's own summary comment, and the state it carries. */
  previous: IssueComment | null;
  history: ReviewState;
  scope: Scope;
  /** The files this run reviews (all kept files, or what changed since the last review). */
  files: DiffFile[];
  lines: number;
  /** Estimated tokens of the files' diff, as the planner measures it. */
  diffTokens: number;
  budget: RunBudget;
  /** Another run's live reservation for the same head, found when the summary was read. */
  busy: PendingRun | null;
};

/** What the run will spend and on which model; `chosen` is null when no model call is planned. */
export type RunPlan = {
  tier: Tier;
  chosen: ChosenModel | null;
  ledger: UsageLedger | null;
  /** Whether this run writes to the forge (a model is configured and it is not a dry run). */
  posting: boolean;
  /** This run's record, with the tokens (and cost) given. */
  record: (tokens: number, cost?: number) => RunRecord;
};

/** What was read and recorded before the first model call. */
export type Prepared = {
  /** The summary comment this run writes into (its reservation's). */
  target: IssueComment | null;
  /** Whether the reservation is on the forge (a read-only token cannot write one). */
  reserved: boolean;
  /** The run that holds the same head, when this one stands down for it. */
  standDown: PendingRun | null;
  guidelines: Guidelines | null;
  context: RunContext | null;
  /**
   * The same once the reservation has been read back. The first model call waits only for the
   * forge to take the write; this says where the reservation ended up (an overlapping run's
   * summary, when both created one), or that another run holds this head after all.
   */
  confirmed: Promise<Prepared>;
};
