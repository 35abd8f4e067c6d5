import { Inject } from '@nestjs/common';

/** DI token for this process's one WreRuntime (libs/orchestrator). */
export const WRE_RUNTIME = Symbol('WRE_RUNTIME');

/** `@InjectRuntime() private readonly rt: WreRuntime` in a resolver's constructor. */
export const InjectRuntime = (): ParameterDecorator => Inject(WRE_RUNTIME);
