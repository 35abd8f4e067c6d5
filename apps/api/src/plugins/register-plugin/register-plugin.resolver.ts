import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { BadInputError } from '#kernel';
import { registerRemotePlugin, type WreRuntime } from '#orchestrator';
import type { Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';
import { RegisterPluginInput } from './register-plugin.input.js';

@Resolver(() => Plugin)
export class RegisterPluginResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => Plugin, {
    description:
      "Registers (or updates) a remote plugin owned by the caller's tenant; a name another tenant owns is PLUGIN_NAME_TAKEN, a built-in's PLUGIN_NAME_RESERVED. The answer carries the request-signing secret (signingSecret), rotated by every registration.",
  })
  async registerPlugin(@Args('input') input: RegisterPluginInput, @CurrentPrincipal() by: Principal): Promise<Plugin> {
    if (input.timeoutMs != null && (input.timeoutMs < 1 || input.timeoutMs > 600_000)) {
      throw new BadInputError('BAD_USER_INPUT', 'timeoutMs must be between 1 and 600000');
    }
    // Shape and schema checks happen once, in the plugin SDK's validators (PLUGIN_INVALID / TOOL_SCHEMA_INVALID).
    const tools = input.tools.map((t) => ({
      name: t.name,
      description: t.description ?? '',
      argsSchema: t.argsSchema as never,
      ...(t.destructive != null ? { destructive: t.destructive } : {}),
    }));
    const { shared, ...definition } = input;
    const options = { by, ...(shared != null ? { shared } : {}) };
    const { plugin, signingSecret } = await registerRemotePlugin(this.rt, { ...definition, tools }, options);
    return toPlugin(plugin, this.rt.plugins.has(plugin.name), signingSecret);
  }
}
