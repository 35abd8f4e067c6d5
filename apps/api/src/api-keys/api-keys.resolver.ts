import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal as Caller } from '#domain';
import { issueApiKey, revokeApiKey, type WreRuntime } from '#orchestrator';
import { listApiKeys, type ApiKeyDoc } from '#projections';
import { CurrentPrincipal } from '../common/identity/principal-context.js';
import { InjectRuntime } from '../common/runtime/runtime.token.js';
import { ApiKey, IssuedApiKey, IssueApiKeyInput, Principal } from './api-key.type.js';

const toApiKey = (d: ApiKeyDoc): ApiKey => ({
  id: d.id,
  tenant: d.tenant,
  role: d.role,
  name: d.name,
  status: d.status,
  issuedAt: d.issuedAt,
  issuedBy: d.issuedBy,
  revokedAt: d.revokedAt,
});

/** Identity: who am I, and (ADMIN) issuing, listing and revoking API keys. */
@Resolver()
export class ApiKeysResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => Principal, { description: 'The caller: principal id, tenant and role.' })
  me(@CurrentPrincipal() by: Caller): Principal {
    return { id: by.id, tenant: by.tenant, role: by.role };
  }

  @Query(() => [ApiKey], { description: 'ADMIN: every API key ever issued (hashes never leave the server).' })
  async apiKeys(
    @Args('tenant', { type: () => String, nullable: true, description: 'Only this tenant’s keys.' })
    tenant: string | null,
  ): Promise<ApiKey[]> {
    return (await listApiKeys(this.rt.readModel, tenant ?? null)).map(toApiKey);
  }

  @Mutation(() => IssuedApiKey, {
    description: 'ADMIN: a new random API key (256 bits) for a tenant and role; the key is in this answer only.',
  })
  async issueApiKey(@Args('input') input: IssueApiKeyInput, @CurrentPrincipal() by: Caller): Promise<IssuedApiKey> {
    const issued = await issueApiKey(this.rt, input, by);
    return { id: issued.id, key: issued.key, tenant: issued.tenant, role: issued.role };
  }

  @Mutation(() => ApiKey, {
    description: 'ADMIN: revokes a key for good; its requests are refused from now on and its open WebSockets close.',
  })
  async revokeApiKey(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() by: Caller): Promise<ApiKey> {
    return toApiKey(await revokeApiKey(this.rt, id, by));
  }
}
