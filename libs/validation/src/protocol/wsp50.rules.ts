import { validateArgs } from '../args-schema/index.js';
import type { Rule } from './rule.js';

/** WSP 50 (pre-action verification): the plugin is registered, the tool exists, the args fit its schema. */
export const pluginRegisteredRule: Rule = {
  id: 'WSP-50/plugin-registered',
  check: ({ plugin }) => (plugin.registered ? { allowed: true } : { allowed: false, reason: `plugin ${plugin.name} is not registered` }),
};

export const toolExistsRule: Rule = {
  id: 'WSP-50/tool-exists',
  check: ({ plugin, step }) =>
    plugin.tools.some((t) => t.name === step.tool)
      ? { allowed: true }
      : { allowed: false, reason: `plugin ${plugin.name} has no tool "${step.tool}"` },
};

export const argsSchemaRule: Rule = {
  id: 'WSP-50/args-schema',
  check: ({ plugin, step }) => {
    const tool = plugin.tools.find((t) => t.name === step.tool);
    if (!tool) return { allowed: false, reason: `unknown tool "${step.tool}"` };
    const issues = validateArgs(tool.argsSchema, step.args);
    if (issues.length === 0) return { allowed: true };
    return { allowed: false, reason: issues.slice(0, 5).map((i) => `${i.path || '/'}: ${i.message}`).join('; ') };
  },
};

export const wsp50Rules: readonly Rule[] = [pluginRegisteredRule, toolExistsRule, argsSchemaRule];
