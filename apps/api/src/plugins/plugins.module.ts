import { Module } from '@nestjs/common';
import { DeregisterPluginResolver } from './deregister-plugin/deregister-plugin.resolver.js';
import { ListPluginsResolver } from './list-plugins/list-plugins.resolver.js';
import { RegisterPluginResolver } from './register-plugin/register-plugin.resolver.js';
import { SharePluginResolver } from './share-plugin/share-plugin.resolver.js';

/** Plugins: registering remote orchestrators, sharing, deregistering, listing what is registered and runnable here. */
@Module({ providers: [RegisterPluginResolver, SharePluginResolver, DeregisterPluginResolver, ListPluginsResolver] })
export class PluginsModule {}
