import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role as RoleName } from '#domain';

/** READER reads and subscribes in its tenant; OPERATOR also executes and owns plugins; ADMIN runs the service. */
export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in RoleName]: K };
registerEnumType(Role, {
  name: 'Role',
  description:
    'READER: read and subscribe in its tenant. OPERATOR: also execute, and register/update/deregister its own plugins. ADMIN: everything in every tenant, plus the service (built-ins, shared plugins, rebuildProjections, keys, force).',
});

@InputType()
export class IssueApiKeyInput {
  @Field({ description: 'The tenant the key acts in ([a-z0-9][a-z0-9_-]{0,62}).' }) tenant!: string;
  @Field(() => Role) role!: RoleName;
  @Field(() => String, { nullable: true, description: 'A label for people (e.g. the team or the agent fleet).' })
  name?: string | null;
}

@ObjectType({ description: 'A new API key: `key` is shown only here, once; WRE stores only its hash.' })
export class IssuedApiKey {
  @Field(() => ID) id!: string;
  @Field({ description: 'Send as "Authorization: Bearer <key>" (graphql-ws: connection_init { authorization }).' })
  key!: string;
  @Field() tenant!: string;
  @Field(() => Role) role!: RoleName;
}

@ObjectType({ description: 'An issued API key (never the key itself).' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() tenant!: string;
  @Field(() => Role) role!: RoleName;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field({ description: 'ACTIVE or REVOKED.' }) status!: string;
  @Field() issuedAt!: string;
  @Field({ description: 'The principal that issued it.' }) issuedBy!: string;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
}

@ObjectType({ description: 'Who is asking: the authenticated principal of this request.' })
export class Principal {
  @Field(() => ID, { description: 'key_… (API key), admin (bootstrap key), jwt:<sub> (token).' }) id!: string;
  @Field() tenant!: string;
  @Field(() => Role) role!: RoleName;
}
