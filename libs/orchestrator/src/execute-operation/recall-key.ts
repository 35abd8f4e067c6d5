import { discriminatorsFor, recallKeyFor } from '#pattern-memory';
import type { RuntimePlugin } from '#plugins';
import type { ValidExecuteInput } from './execute-operation.input.js';

/**
 * The key an operation is recalled and learned under: type, plugin, param shape, the skill it runs for, the values
 * of the params the plugin declares discriminating (`recallKeyParams`), the caller's tenant and the plugin's
 * manifest hash. Recorded on OperationRequested, so learning uses exactly the key recall used.
 */
export function recallKeyOf(plugin: RuntimePlugin, input: ValidExecuteInput, manifest: string): string {
  const declared = plugin.recallKeyParams?.[input.type] ?? [];
  const scope = { tenant: input.by.tenant, manifest };
  const discriminators = discriminatorsFor(input.params, declared, input.skill?.ref.name, scope);
  return recallKeyFor(input.type, plugin.name, input.params, discriminators);
}
