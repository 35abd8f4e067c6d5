import type { JsonObject } from '#kernel';
import { describeIssues, validateArgs } from '../../args-schema/index.js';
import type { RuleScope } from '../protocol.types.js';
import { ALLOW, deny, type Rule } from '../rule.js';
import { scopedRule } from './scoped-rule.js';

/** WSP 50 (pre-action verification): the plugin is registered. */
export const pluginRegisteredRule = (id: string, scope?: RuleScope): Rule =>
  scopedRule(id, 'plugin-registered', scope, ({ plugin }) =>
    plugin.registered ? ALLOW : deny(`plugin ${plugin.name} is not registered`),
  );

/** WSP 50: the plugin has the tool the step names. */
export const toolExistsRule = (id: string, scope?: RuleScope): Rule =>
  scopedRule(id, 'tool-exists', scope, ({ plugin, step }) =>
    plugin.tools.some((t) => t.name === step.tool) ? ALLOW : deny(`plugin ${plugin.name} has no tool "${step.tool}"`),
  );

/** WSP 50: the args fit the tool's own schema, or the schema the rule carries (a protocol narrowing a tool). */
export const argsSchemaRule = (id: string, scope?: RuleScope, schema?: JsonObject): Rule =>
  scopedRule(id, 'args-schema', scope, ({ plugin, step }) => {
    const effective = schema ?? plugin.tools.find((t) => t.name === step.tool)?.argsSchema;
    if (!effective) return deny(`unknown tool "${step.tool}"`);
    const issues = validateArgs(effective, step.args);
    return issues.length === 0 ? ALLOW : deny(describeIssues(issues));
  });
