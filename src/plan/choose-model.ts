import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { ModelClient, ModelDescriptor } from '../ports.js';
import type { Provider } from '../config/platform.js';
import { resolveModel, type ResolvedModel } from './models.js';
import { TIERS, type Tier } from './tier.js';

export type ChosenModel = { model: ResolvedModel; tier: Tier; notes: string[] };

function resolveTier(
  spec: string,
  input: string,
  catalogue: ModelDescriptor[] | null,
  client: ModelClient | null,
  provider: Provider = 'anthropic',
) {
  const resolved = resolveModel(spec, catalogue, provider);
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

/**
 * The model for this run: `model` if set, else the tier's model, stepping down a tier at a
 * time while `usable` says the model cannot do a useful review within the budget (a dollar
 * cap buys fewer tokens of a dearer model). Lines resolve through the Models API when the
 * endpoint has one; listing models spends no tokens.
 */
export async function chooseModel(
  client: ModelClient | null,
  config: Config,
  tier: Tier,
  usable: (model: ResolvedModel) => boolean = () => true,
): Promise<ChosenModel> {
  const catalogue = client ? await client.listModels() : null;
  const provider = config.platform.provider;
  if (config.model) return { tier, ...resolveTier(config.model, 'model', catalogue, client, provider) };
  const first = resolveTier(config.tierModels[tier], `model-${tier}`, catalogue, client, provider);
  let chosen: ChosenModel = { tier, ...first };
  for (let i = TIERS.indexOf(tier) - 1; i >= 0 && !usable(chosen.model); i--) {
    const lower = TIERS[i]!;
    const next = resolveTier(config.tierModels[lower], `model-${lower}`, catalogue, client, provider);
    next.notes.unshift(
      `Stepped down from the ${chosen.tier} tier (\`${chosen.model.id}\`) to the ${lower} tier (\`${next.model.id}\`): the budget cannot pay for a useful review with the larger model.`,
    );
    chosen = { tier: lower, model: next.model, notes: [...chosen.notes, ...next.notes] };
  }
  return chosen;
}
