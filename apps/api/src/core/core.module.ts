import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import { WreCore, type CoreOptions, type WreConfig } from '../../../../libs/orchestrator/src/index.js';
import { WRE_CONFIG, WRE_CORE } from './core.tokens.js';

/** Stored events re-published on the Nest EventBus, fed only by the store subscription (STYLE rule 11). */
export class StoredEventPublished {
  constructor(readonly event: import('../../../../libs/kernel/src/index.js').RecordedEvent) {}
}

class CoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe: (() => void) | null = null;
  constructor(
    @Inject(WRE_CORE) private readonly core: WreCore,
    private readonly eventBus: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.core.feed.subscribe((event) => this.eventBus.publish(new StoredEventPublished(event)));
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.core.close();
  }
}

/** Provides the one WreCore of this process to resolvers and handlers. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: WreConfig, options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [CqrsModule],
      providers: [
        { provide: WRE_CONFIG, useValue: config },
        { provide: WRE_CORE, useFactory: () => WreCore.create(config, options) },
        CoreLifecycle,
      ],
      exports: [WRE_CORE, WRE_CONFIG],
    };
  }
}
