import { Global, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { loadAdminKey, type WreRuntime } from '#orchestrator';
import { InjectRuntime, WRE_RUNTIME } from '../runtime/runtime.token.js';
import { AccessGuard } from './access.guard.js';
import { Authenticator } from './authenticator.js';
import { JwtVerifier } from './jwt-verifier.js';
import { SocketRegistry } from './socket-registry.js';

/** Builds the authenticator; says where the bootstrap ADMIN key is (the file's path, never the key). */
function authenticatorFor(rt: WreRuntime): Authenticator {
  const admin = loadAdminKey(rt.config);
  const src = admin.source;
  if (src.kind === 'file')
    console.log(
      `[wre] ${src.created ? 'generated the' : 'the'} bootstrap ADMIN key ${src.created ? 'into' : 'is in'} ${src.path} (mode 0600): send it as "Authorization: Bearer <contents of that file>"`,
    );
  if (src.kind === 'ephemeral')
    console.log(
      '[wre] in-memory store: the bootstrap ADMIN key lives only in this process; set WRE_ADMIN_KEY to know it',
    );
  return new Authenticator(rt, admin.value, rt.config.jwt ? new JwtVerifier(rt.config.jwt) : null);
}

class SocketRevocation implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop: (() => void) | null = null;
  constructor(
    @InjectRuntime() private readonly rt: WreRuntime,
    private readonly sockets: SocketRegistry,
  ) {}
  onApplicationBootstrap(): void {
    this.stop = this.rt.feed.watch(this.sockets.onEvent);
  }
  onApplicationShutdown(): void {
    this.stop?.();
  }
}

/** Who is asking: authentication (API keys, bootstrap key, JWT), the access guard, open sockets by principal. */
@Global()
@Module({
  providers: [
    { provide: Authenticator, inject: [WRE_RUNTIME], useFactory: authenticatorFor },
    SocketRegistry,
    SocketRevocation,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [Authenticator, SocketRegistry],
})
export class IdentityModule {}
