import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/scalars/index.js';

@ObjectType({ description: 'An atomic step a plugin can run, with the JSON Schema its args must satisfy.' })
export class Tool {
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => JSONScalar) argsSchema!: unknown;
  @Field({ description: 'Deletes or overwrites data: the destructive-action guard applies to it.' })
  destructive!: boolean;
}

@ObjectType({ description: 'An orchestrator registered as a plugin of the master orchestrator.' })
export class Plugin {
  @Field() name!: string;
  @Field({ description: 'IN_PROCESS (code in this process) or REMOTE (HTTP endpoint).' }) kind!: string;
  @Field({ description: 'REGISTERED or DEREGISTERED.' }) status!: string;
  @Field({ description: 'Whether this process can run it now (in-process plugins must re-register after a restart).' })
  available!: boolean;
  @Field(() => [String]) operationTypes!: string[];
  @Field(() => [Tool]) tools!: Tool[];
  @Field(() => String, { nullable: true }) endpoint!: string | null;
  @Field(() => Int, { nullable: true }) timeoutMs!: number | null;
  @Field({ description: 'Whether the plugin can compute plans itself.' }) canPlan!: boolean;
  @Field() registeredAt!: string;
  @Field() updatedAt!: string;
  @Field({ description: 'The tenant that owns the name; only it (or ADMIN) updates or deregisters the plugin.' })
  owner!: string;
  @Field({ description: 'Usable by every tenant (built-ins; set by ADMIN), not only by its owner.' }) shared!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      "Only in registerPlugin's answer for a remote plugin: the secret every request to it is signed with (WRE-Signature header). Shown once; every registration rotates it.",
  })
  signingSecret!: string | null;
}
