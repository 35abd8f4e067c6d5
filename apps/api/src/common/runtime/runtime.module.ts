import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { bootRuntime, closeRuntime, type RuntimeOptions, type WreConfig, type WreRuntime } from '#orchestrator';
import { InjectRuntime, WRE_RUNTIME } from './runtime.token.js';

class RuntimeLifecycle implements OnApplicationShutdown {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  onApplicationShutdown(): Promise<void> {
    return closeRuntime(this.rt);
  }
}

/** Boots the one WreRuntime of this process and gives it to every feature module's resolvers. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(config: WreConfig, options: RuntimeOptions = {}): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [{ provide: WRE_RUNTIME, useFactory: () => bootRuntime(config, options) }, RuntimeLifecycle],
      exports: [WRE_RUNTIME],
    };
  }
}
