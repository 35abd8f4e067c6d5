import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BadInputError } from '../../../../../libs/kernel/src/index.js';
import type { PluginDoc } from '../../../../../libs/projections/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { RegisterPlugin } from './register-plugin.command.js';

@CommandHandler(RegisterPlugin)
export class RegisterPluginHandler implements ICommandHandler<RegisterPlugin, PluginDoc> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}

  execute({ input }: RegisterPlugin): Promise<PluginDoc> {
    if (input.timeoutMs != null && (input.timeoutMs < 1 || input.timeoutMs > 600_000)) {
      throw new BadInputError('timeoutMs must be between 1 and 600000', {}, 'BAD_USER_INPUT');
    }
    // Shape and schema checks happen once, in the plugin SDK's validators (PLUGIN_INVALID / TOOL_SCHEMA_INVALID).
    const tools = input.tools.map((t) => ({
      name: t.name,
      description: t.description ?? '',
      argsSchema: t.argsSchema as never,
      ...(t.destructive != null ? { destructive: t.destructive } : {}),
    }));
    return this.core.registerRemotePlugin({ ...input, tools }, 'graphql');
  }
}
