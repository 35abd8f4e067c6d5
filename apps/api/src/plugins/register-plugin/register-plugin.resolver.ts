import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { BadInputError } from '#kernel';
import { registerRemotePlugin, type WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';
import { RegisterPluginInput } from './register-plugin.input.js';

@Resolver(() => Plugin)
export class RegisterPluginResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => Plugin, {
    description: 'Registers (or updates) a remote plugin. Identical re-registration is a no-op.',
  })
  async registerPlugin(@Args('input') input: RegisterPluginInput): Promise<Plugin> {
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
    const doc = await registerRemotePlugin(this.rt, { ...input, tools }, 'graphql');
    return toPlugin(doc, this.rt.plugins.has(doc.name));
  }
}
