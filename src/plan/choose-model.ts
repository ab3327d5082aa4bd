import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { ModelClient } from '../ports.js';
import { isModelLine, resolveModel, type ResolvedModel } from './models.js';
import type { Tier } from './tier.js';

export type ChosenModel = { model: ResolvedModel; notes: string[] };

/**
 * The model for this run: `model` if set, else the tier's model. A line is resolved through
 * the Models API when the endpoint has one (no tokens are spent listing models).
 */
export async function chooseModel(client: ModelClient | null, config: Config, tier: Tier): Promise<ChosenModel> {
  const input = config.model ? 'model' : `model-${tier}`;
  const spec = config.model ?? config.tierModels[tier];
  const catalogue = client && isModelLine(spec) ? await client.listModels() : null;
  const resolved = resolveModel(spec, catalogue);
  if ('error' in resolved) throw new ConfigError(`Invalid input \`${input}\`: ${resolved.error}`);
  const notes: string[] = [];
  if (resolved.source === 'built-in') {
    notes.push(
      client
        ? `The endpoint has no Models API, so \`${spec}\` was resolved from the built-in table to \`${resolved.id}\`.`
        : `\`${spec}\` resolved from the built-in table to \`${resolved.id}\`.`,
    );
  }
  return { model: resolved, notes };
}
