/**
 * Where a code shows up. `request`: a GraphQL error (`extensions.code`), nothing was written. `graphql`: the
 * GraphQL layer refused the document itself. `execution`: recorded on an execution (`errorCode`, a step's
 * `error`) that ended FAILED, BLOCKED or THROTTLED. `skill-file`: why a skill file could not be used (`Skill.code`,
 * SkillLoadFailed). `server`: configuration, stores and projections; seen at start, in logs, or as a request error.
 */
export type ErrorKind = 'request' | 'graphql' | 'execution' | 'skill-file' | 'server';

/**
 * Every error code WRE gives a client, records on an execution, or stops a start with. Codes are stable: clients
 * and stored history match on them, so never rename one. docs/errors.md is generated from this table
 * (`npm run docs:errors`) and a test keeps the two equal.
 */
export const ERROR_CODES = {
  // ── refused requests ──────────────────────────────────────────────────────────────────────────────────────
  BAD_USER_INPUT: [
    'request',
    'An argument is malformed or out of range (input coercion, `first`, `limit`, `timeoutMs`).',
  ],
  BAD_REQUEST: [
    'request',
    'The HTTP request is not one the endpoint takes (body not JSON, no query, unpreflighted GET, bad method).',
  ],
  PAYLOAD_TOO_LARGE: ['request', 'The HTTP body is larger than 1 MB.'],
  OPERATION_TYPE_INVALID: ['request', 'The operation type is not an identifier (`[a-z][a-z0-9_.:-]`, at most 64).'],
  UNKNOWN_OPERATION_TYPE: ['request', 'No registered plugin handles the operation type.'],
  AMBIGUOUS_OPERATION_TYPE: ['request', 'Several plugins handle the operation type; name one with `plugin`.'],
  PLUGIN_NOT_FOUND: ['request', 'The named plugin is not registered (never a silent fallback to another one).'],
  PLUGIN_UNAVAILABLE: ['request', 'The plugin is registered but its code cannot run in this process now.'],
  PLUGIN_NAME_INVALID: ['request', 'A plugin name is not an identifier.'],
  PLUGIN_NAME_REQUIRED: ['request', 'An in-process plugin object has no usable name.'],
  PLUGIN_REQUIRED: ['request', '`registerPlugin(name)` was called without a plugin object.'],
  PLUGIN_INVALID: ['request', 'A plugin definition is malformed (tools, operation types, params schemas).'],
  TOOL_SCHEMA_INVALID: ['request', "A tool's `argsSchema` is not a supported JSON Schema."],
  PARAMS_INVALID: ['request', "The params are not a JSON object or do not fit the plugin's schema for the type."],
  PARAMS_TOO_LARGE: ['request', 'The params exceed 64 KiB.'],
  COMMAND_ID_INVALID: ['request', '`commandId` is not 1 to 128 characters of letters, digits and `_ . : -`.'],
  IDEMPOTENCY_CONFLICT: ['request', 'The `commandId` was already used for a different request.'],
  ENDPOINT_NOT_ALLOWED: ['request', 'A remote plugin endpoint is not on the allow-list (`WRE_REMOTE_PLUGIN_ALLOW`).'],
  APPROVALS_INVALID: ['request', '`approvals` must be at most 32 rule ids like `ACME-7/approve-delete`.'],
  SKILL_UNRESOLVED: ['request', 'The skill cannot be loaded and no plugin can run its fallback instructions.'],
  SKILL_NAME_INVALID: [
    'request',
    'The skill name is not `[a-z0-9][a-z0-9_-]{0,63}` (also `Skill.code` for such a folder).',
  ],
  AGENT_INVALID: ['request', '`agent` is not 1 to 64 characters of letters, digits and `_ . : @ -`.'],
  // ── identity ──────────────────────────────────────────────────────────────────────────────────────────────
  UNAUTHENTICATED: ['request', 'No credentials, an unknown or revoked API key, or a JWT that does not verify.'],
  FORBIDDEN: ['request', "The caller's role or tenant does not allow this, or Host/Origin is not allowed."],
  PLUGIN_NAME_RESERVED: ['request', 'The name belongs to a built-in plugin; only the service registers it.'],
  PLUGIN_NAME_TAKEN: ['request', 'Another tenant owns a plugin of that name (names are unique across the service).'],
  API_KEY_NOT_FOUND: ['request', 'No API key has that id.'],
  TENANT_INVALID: ['request', 'A tenant is not `[a-z0-9][a-z0-9_-]{0,62}`.'],
  // ── the GraphQL layer ─────────────────────────────────────────────────────────────────────────────────────
  GRAPHQL_PARSE_FAILED: ['graphql', 'The document is not valid GraphQL syntax.'],
  GRAPHQL_VALIDATION_FAILED: ['graphql', 'The document does not fit the schema (unknown field, wrong argument).'],
  PERSISTED_QUERY_NOT_FOUND: ['graphql', 'An automatic persisted query hash is unknown; send the full document.'],
  OPERATION_RESOLUTION_FAILURE: ['graphql', 'The request names an operation the document does not contain.'],
  // ── recorded on executions ────────────────────────────────────────────────────────────────────────────────
  VALIDATION_FAILED: ['execution', 'A protocol rule denied a step before anything ran (status BLOCKED).'],
  THROTTLED: ['execution', 'A rate limit refused the request; nothing was planned or run (status THROTTLED).'],
  INTERRUPTED: ['execution', 'The process running the execution stopped before it finished; no step was resumed.'],
  PLAN_UNAVAILABLE: ['execution', 'The plugin cannot plan, no LLM planner is configured and no pattern fits.'],
  PLAN_TIMEOUT: ['execution', 'The planner did not answer within `WRE_PLAN_TIMEOUT_MS`.'],
  PLANNER_FAILED: ['execution', 'The planner failed in a way it did not classify.'],
  PLANNER_UNAVAILABLE: ['execution', 'The LLM planner is unreachable or answered an HTTP error.'],
  PLAN_OUTPUT_INVALID: ['execution', "The LLM planner's answers were refused (not JSON, unknown tool, bad args)."],
  PLAN_FAILED: ['execution', "The plugin's own `plan()` threw."],
  PLAN_INVALID: ['execution', 'A plan is inconsistent (steps and the template steps they came from disagree).'],
  PLAN_EMPTY: ['execution', 'A planner returned a plan without steps.'],
  PLUGIN_OUTPUT_INVALID: ['execution', 'A plugin answered something that is not a valid plan or JSON output.'],
  PATTERN_UNRESOLVABLE: ['execution', "A recalled plan could not build its next step from an earlier step's output."],
  PLUGIN_ERROR: ['execution', 'A tool failed in a way it did not classify.'],
  TOOL_FAILED: ['execution', 'A tool threw.'],
  TOOL_NOT_FOUND: ['execution', 'A step names a tool the plugin does not have.'],
  TOOL_ARGS_INVALID: ['execution', "A step's arguments are not what the tool accepts."],
  STEP_TIMEOUT: ['execution', 'A step did not finish within `WRE_STEP_TIMEOUT_MS`.'],
  STEP_ABORTED: ['execution', 'A step was aborted before it ran.'],
  OUTPUT_TOO_LARGE: ['execution', 'A tool returned more than the event size limit (`WRE_MAX_EVENT_BYTES`).'],
  REMOTE_STEP_FAILED: ['execution', 'A remote plugin answered a step with an error.'],
  REMOTE_PLAN_FAILED: ['execution', 'A remote plugin answered a plan request with an error.'],
  REMOTE_TIMEOUT: ['execution', 'A remote plugin did not answer within its `timeoutMs`.'],
  REMOTE_UNREACHABLE: ['execution', 'A remote plugin could not be reached.'],
  REMOTE_RESPONSE_TOO_LARGE: ['execution', 'A remote plugin answered more bytes than allowed.'],
  REMOTE_ABORTED: ['execution', 'A call to a remote plugin was aborted.'],
  PATH_INVALID: ['execution', 'A tool refused a malformed path (NUL, backslash, percent-encoding, not a string).'],
  PATH_OUTSIDE_WORKSPACE: [
    'execution',
    'A tool refused a path that resolves outside the workspace (absolute, `..`, drive, symlink).',
  ],
  PATH_NOT_FOUND: ['execution', 'A file or directory a tool needs does not exist.'],
  MODULE_EXISTS: ['execution', 'module_scaffolder: the module directory already exists.'],
  FILE_TOO_LARGE: ['execution', 'A built-in tool refused a file larger than its limit.'],
  FILE_NOT_SELECTED: ['execution', "legacy_cleaner: a file is not selected by the cleanup's pattern."],
  NOT_ARCHIVED: ['execution', 'legacy_cleaner: refused to delete a file that has no identical archived copy.'],
  TOO_MANY_FILES: ['execution', 'A built-in tool found more files than it will handle in one step.'],
  ENCODING_VALIDATION_FAILED: ['execution', 'utf8_remediator: files are still not clean UTF-8 after fixing.'],
  INVALID_TRANSITION: ['execution', 'A step was recorded out of order; the execution is closed rather than guessed.'],
  // ── skill files ───────────────────────────────────────────────────────────────────────────────────────────
  SKILL_NOT_FOUND: ['skill-file', 'The skill folder has no SKILLz.md or SKILL.md.'],
  SKILL_UNREADABLE: ['skill-file', 'The skill file cannot be read.'],
  SKILL_TOO_LARGE: ['skill-file', 'The skill file is larger than allowed.'],
  SKILL_BINARY: ['skill-file', 'The skill file is not text.'],
  SKILL_FRONTMATTER_MISSING: ['skill-file', 'The skill file has no YAML front matter.'],
  SKILL_YAML_INVALID: ['skill-file', 'The front matter is not valid YAML.'],
  SKILL_FIELD_INVALID: ['skill-file', 'A front-matter field has the wrong type or value.'],
  SKILL_SYMLINK_ESCAPE: ['skill-file', 'The skill file is a symlink leading out of the skills directory.'],
  SKILL_DIR_MISSING: ['skill-file', 'The skills directory does not exist.'],
  // ── configuration, stores, projections ───────────────────────────────────────────────────────────────────
  CONFIG_INVALID: ['server', 'A configuration variable or protocol file is invalid; the start stops and says which.'],
  STORE_UNAVAILABLE: ['server', 'A store could not be opened at start (credentials masked in the message).'],
  STORE_CLOSED: ['server', 'The store was closed while an operation was waiting for it.'],
  EVENT_STORE_UNAVAILABLE: ['server', 'EventStoreDB is unreachable.'],
  EVENT_STORE_ERROR: ['server', 'EventStoreDB refused an operation for a reason it did not classify.'],
  EVENT_TOO_LARGE: ['server', 'An event exceeds `WRE_MAX_EVENT_BYTES`; nothing of its batch was written.'],
  APPEND_TOO_LARGE: ['server', "A batch exceeds EventStoreDB's maximum append size."],
  EVENT_ID_CONFLICT: ['server', 'Event ids already stored were appended again with other content (not a resend).'],
  WRONG_EXPECTED_REVISION: ['server', 'A stream moved since it was read (optimistic concurrency).'],
  STREAM_DELETED: ['server', 'The stream was deleted in EventStoreDB.'],
  CHECKPOINT_MOVED: ['server', 'Another process moved a projection checkpoint; this batch was rolled back.'],
  PROJECTION_LAG: ['server', 'The read models did not catch up in time (a worker projects, this process waits).'],
  PROJECTIONS_STOPPED: ['server', 'The process stopped while a request waited for the read models.'],
  REBUILD_ON_WORKER: ['server', 'With `WRE_PROJECTIONS=off` a rebuild must run where projections run (the worker).'],
  INTERNAL_SERVER_ERROR: ['server', 'Anything unexpected; logged on the server, no detail reaches the client.'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

/** A code from the catalogue: every WreError carries one. */
export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
