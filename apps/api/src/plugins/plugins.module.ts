import { Module } from '@nestjs/common';
import { DeregisterPluginResolver } from './deregister-plugin/deregister-plugin.resolver.js';
import { ListPluginsResolver } from './list-plugins/list-plugins.resolver.js';
import { RegisterPluginResolver } from './register-plugin/register-plugin.resolver.js';

/** Plugins: registering remote orchestrators, deregistering, listing what is registered and runnable here. */
@Module({ providers: [RegisterPluginResolver, DeregisterPluginResolver, ListPluginsResolver] })
export class PluginsModule {}
