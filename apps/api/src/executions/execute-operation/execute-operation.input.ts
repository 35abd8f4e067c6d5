import { Field, InputType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/scalars/index.js';

@InputType({
  description:
    'An operation to run: its type, optionally the plugin that must run it, its params, and how to run it (idempotency key, force, approvals).',
})
export class ExecuteOperationInput {
  @Field({ description: 'Operation type, e.g. module_creation.' }) type!: string;
  @Field({
    nullable: true,
    description: 'Plugin to run it; must be registered (no silent fallback). Omit to route by type.',
  })
  plugin?: string;
  @Field(() => JSONScalar, { nullable: true, description: 'Operation parameters (a JSON object).' }) params?: unknown;
  @Field({ nullable: true, description: 'Idempotency key: a resend returns the same execution and writes nothing.' })
  commandId?: string;
  @Field({ nullable: true, description: 'Override throttling; recorded as forced.' }) force?: boolean;
  @Field(() => [String], {
    nullable: true,
    description: 'requires-approval rule ids approved for this execution, e.g. ["ACME-7/approve-delete"].',
  })
  approvals?: string[];
}
