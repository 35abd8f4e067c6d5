import { BadInputError, PluginError, isPlainObject, type JsonValue } from '#kernel';
import type { RuntimePlugin, StepContext } from '../plugin.types.js';
import type { ArgsSchema, ComputedPlan, Operation, PlanStep, ToolDefinition } from '#domain';
import { toJsonValue } from '../sdk/json-output.js';
import { assertPluginName } from '../sdk/plugin-name.js';
import { readOperationTypes, readParamsSchemas, validateToolDefinitions } from '../sdk/plugin-shape.js';
import { toolNotFound } from '../sdk/run-guarded.js';
import { validatePlan, type PlanCheck } from '../sdk/validate-plan.js';
import { assertEndpointAllowed, assertEndpointShape } from './endpoint-allow-list.js';
import { postJson, type HeadersForBody, type RemoteResponse } from './remote-http.js';
import { SIGNATURE_HEADER, signatureHeader } from './request-signature.js';

/** How a remote plugin is registered (and stored in the PluginRegistered event). */
export interface RemotePluginDefinition {
  name: string;
  operationTypes: string[];
  tools: ToolDefinition[];
  /** http(s) URL that receives `{ kind: 'plan' | 'step', ... }` POSTs. */
  endpoint: string;
  /** Per request, covering the whole answer; default 10000. */
  timeoutMs?: number;
  /** Optional params schema per operation type (see RuntimePlugin.paramsSchemas). */
  paramsSchemas?: Record<string, ArgsSchema>;
}

/** Construction options. */
export interface RemotePluginOptions {
  /**
   * When given, the constructor enforces it with {@link assertEndpointAllowed}. When absent only the scheme
   * and the absence of credentials are checked: the caller (the orchestrator, with its configured list)
   * must have checked the allow-list itself.
   */
  allowList?: readonly string[];
  /** When given, every request carries {@link SIGNATURE_HEADER} computed with it over the exact body sent. */
  signingSecret?: string;
  /** Clock in milliseconds for the signature's timestamp; default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 300_000;

const outputInvalid = (plugin: string, reason: string): PluginError =>
  new PluginError('PLUGIN_OUTPUT_INVALID', `remote plugin ${plugin} answered badly: ${reason}`, { plugin, reason });
const remoteError = (body: unknown): string | null =>
  isPlainObject(body) && typeof body.error === 'string' ? body.error.slice(0, 500) : null;

/** The header function that signs each body with `options.signingSecret`, if there is one. */
function signer(plugin: string, { signingSecret, now = Date.now }: RemotePluginOptions): HeadersForBody | undefined {
  if (signingSecret === undefined) return undefined;
  if (signingSecret.length === 0)
    throw new BadInputError('PLUGIN_INVALID', 'signingSecret must not be empty', { plugin });
  return (rawBody) => ({ [SIGNATURE_HEADER]: signatureHeader(signingSecret, rawBody, Math.floor(now() / 1000)) });
}

/**
 * A plugin that lives behind HTTP. `plan` POSTs `{ kind: 'plan', operation, tools }` and expects
 * `{ steps, planner?, tokens? }`; `runStep` POSTs `{ kind: 'step', executionId, stepIndex, operation, step }`
 * and expects `{ output }` or `{ error }`. Everything that comes back is validated like any plugin output.
 * With `options.signingSecret` every request carries a {@link SIGNATURE_HEADER} the plugin can verify.
 */
export class RemotePlugin implements RuntimePlugin {
  readonly kind = 'remote' as const;
  readonly name: string;
  readonly operationTypes: string[];
  readonly tools: ToolDefinition[];
  readonly paramsSchemas?: Record<string, ArgsSchema>;
  readonly endpoint: string;
  readonly timeoutMs: number;
  private readonly check: PlanCheck;
  // A closure, not a field holding the secret: the secret never shows up when the plugin is logged or serialized.
  private readonly headersFor: HeadersForBody | undefined;

  /** @throws BadInputError `PLUGIN_NAME_INVALID` | `PLUGIN_INVALID` (incl. an empty `signingSecret`) | `ENDPOINT_NOT_ALLOWED` (bad scheme, credentials, or off `options.allowList`) */
  constructor(definition: RemotePluginDefinition, options: RemotePluginOptions = {}) {
    this.name = assertPluginName(definition.name);
    this.operationTypes = readOperationTypes(this.name, definition.operationTypes);
    this.tools = validateToolDefinitions(this.name, definition.tools);
    this.endpoint = (
      options.allowList
        ? assertEndpointAllowed(definition.endpoint, options.allowList)
        : assertEndpointShape(definition.endpoint)
    ).href;
    const paramsSchemas = readParamsSchemas(this.name, definition.paramsSchemas);
    if (paramsSchemas !== undefined) this.paramsSchemas = paramsSchemas;
    const timeoutMs = definition.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new BadInputError('PLUGIN_INVALID', `timeoutMs must be an integer in 1..${MAX_TIMEOUT_MS}`, {
        plugin: this.name,
      });
    }
    this.timeoutMs = timeoutMs;
    this.check = {
      plugin: this.name,
      toolNames: new Set(this.tools.map((t) => t.name)),
      defaultPlanner: `remote:${this.name}`,
    };
    this.headersFor = signer(this.name, options);
  }

  private post(payload: unknown, signal?: AbortSignal): Promise<RemoteResponse> {
    return postJson(this.name, this.endpoint, payload, this.timeoutMs, signal, this.headersFor);
  }

  /** @throws PluginError `PLAN_UNAVAILABLE` (404/501) | `REMOTE_PLAN_FAILED` | `PLUGIN_OUTPUT_INVALID` | transport codes */
  async plan(operation: Operation): Promise<ComputedPlan> {
    const { status, body } = await this.post({ kind: 'plan', operation, tools: this.tools });
    if (status === 404 || status === 501) {
      throw new PluginError('PLAN_UNAVAILABLE', `remote plugin ${this.name} cannot plan`, {
        plugin: this.name,
        status,
      });
    }
    const error = remoteError(body);
    if (status !== 200 || error !== null) {
      throw new PluginError(
        'REMOTE_PLAN_FAILED',
        `remote plugin ${this.name} failed to plan: ${error ?? `HTTP ${status}`}`,
        { plugin: this.name, status, error },
      );
    }
    if (body === undefined) throw outputInvalid(this.name, 'plan answer is not JSON');
    return validatePlan(this.check, body);
  }

  /** @throws PluginError `REMOTE_STEP_FAILED` | `PLUGIN_OUTPUT_INVALID` | `TOOL_NOT_FOUND` | transport codes */
  async runStep(step: PlanStep, ctx: StepContext): Promise<JsonValue> {
    if (!this.check.toolNames.has(step.tool)) throw toolNotFound(this.name, step.tool);
    const payload = {
      kind: 'step',
      executionId: ctx.executionId,
      stepIndex: ctx.stepIndex,
      operation: ctx.operation,
      step,
    };
    const { status, body } = await this.post(payload, ctx.signal);
    const error = remoteError(body);
    if (status !== 200 || error !== null) {
      throw new PluginError('REMOTE_STEP_FAILED', `remote step ${step.tool} failed: ${error ?? `HTTP ${status}`}`, {
        plugin: this.name,
        tool: step.tool,
        status,
        error,
      });
    }
    if (!isPlainObject(body) || !('output' in body))
      throw outputInvalid(this.name, 'step answer must be a JSON object with "output"');
    return toJsonValue(body.output, 'output', { plugin: this.name, tool: step.tool });
  }
}
