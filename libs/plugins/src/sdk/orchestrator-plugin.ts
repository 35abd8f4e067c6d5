import { BadInputError, type JsonObject, type JsonValue } from '#kernel';
import type { StepContext } from '../plugin.types.js';
import type { ArgsSchema, ComputedPlan, Operation, ToolDefinition } from '#domain';

/** Runs one tool step. Arguments arrive already shaped by the plan; the return value must be JSON-able. */
export type ToolHandler = (args: JsonObject, ctx: StepContext) => Promise<JsonValue> | JsonValue;

/** What a tool declares besides its handler. */
export interface ToolSpec {
  description?: string;
  argsSchema: ArgsSchema;
  destructive?: boolean;
}

/** A tool as an {@link OrchestratorPlugin} exposes it: its definition plus the code that runs it. */
export interface PluginTool extends ToolDefinition {
  handler: ToolHandler;
}

/**
 * Base class for in-process plugins, the TypeScript form of the seed's `OrchestratorPlugin`.
 * Subclasses set `operationTypes`, register tools with {@link OrchestratorPlugin.tool} in their constructor
 * (or override {@link OrchestratorPlugin.tools}) and may implement `plan(operation)` — the "compute" path.
 * A subclass with no tools but an `execute(task)` method is run like a legacy plain-object plugin.
 *
 * ```ts
 * class YourPlugin extends OrchestratorPlugin {
 *   constructor() { super('your_plugin'); }
 *   execute(task: JsonObject) { return { ok: true, type: task.type }; }
 * }
 * ```
 */
export abstract class OrchestratorPlugin {
  /** Operation types this plugin handles (e.g. `module_creation`). */
  operationTypes: string[] = [];
  /** Optional params schema per operation type (see RuntimePlugin.paramsSchemas). */
  paramsSchemas?: Record<string, ArgsSchema>;
  private readonly registeredTools = new Map<string, PluginTool>();

  constructor(readonly name: string) {}

  /** Registers a tool; call from the constructor. Handlers are bound to the plugin. */
  protected tool(name: string, spec: ToolSpec, handler: ToolHandler): this {
    if (this.registeredTools.has(name)) {
      throw new BadInputError('PLUGIN_INVALID', `tool ${name} is registered twice`, { plugin: this.name, tool: name });
    }
    this.registeredTools.set(name, { name, ...spec, handler: handler.bind(this) });
    return this;
  }

  /** The plugin's tools; override to build them some other way. */
  tools(): PluginTool[] {
    return [...this.registeredTools.values()];
  }

  /** Optional planner: turns an operation into steps over this plugin's tools. */
  plan?(operation: Operation): Promise<ComputedPlan> | ComputedPlan;

  /** Legacy single-entry form: used only when the plugin declares no tools. */
  execute?(task: JsonObject): unknown;
}
