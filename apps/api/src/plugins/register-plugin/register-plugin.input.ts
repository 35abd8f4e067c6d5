import { Field, InputType, Int } from '@nestjs/graphql';
import { JSONScalar } from '../../common/scalars/index.js';

@InputType()
export class ToolInput {
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => JSONScalar, {
    description: 'JSON Schema (subset) the step args must satisfy; mark path args with format: "path".',
  })
  argsSchema!: unknown;
  @Field({ nullable: true, description: 'Deletes or overwrites data: the destructive-action guard applies to it.' })
  destructive?: boolean;
}

@InputType({ description: 'An out-of-process orchestrator: the master POSTs plan requests and steps to `endpoint`.' })
export class RegisterPluginInput {
  @Field() name!: string;
  @Field(() => [String]) operationTypes!: string[];
  @Field(() => [ToolInput]) tools!: ToolInput[];
  @Field({ description: 'http(s) URL on the allow-list (loopback only by default, see WRE_REMOTE_PLUGIN_ALLOW).' })
  endpoint!: string;
  @Field(() => Int, { nullable: true, description: 'Per-request timeout, ms (default 10000).' }) timeoutMs?: number;
  @Field({ nullable: true, description: 'ADMIN only: usable by every tenant (default: only the owner tenant).' })
  shared?: boolean;
}
