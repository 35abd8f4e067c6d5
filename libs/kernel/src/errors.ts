/**
 * One error tree for the whole system. `code` is stable and travels to GraphQL clients as
 * `extensions.code`; `details` must be safe to show (no stack traces, no secrets).
 */
export class WreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input from a caller is malformed or refers to something that is not there. */
export class BadInputError extends WreError {
  constructor(message: string, details: Record<string, unknown> = {}, code = 'BAD_USER_INPUT') {
    super(code, message, details);
  }
}

export class NotFoundError extends WreError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** Optimistic concurrency: the stream was not at the revision the writer expected. */
export class WrongExpectedRevisionError extends WreError {
  constructor(stream: string, expected: string, actual: string) {
    super('WRONG_EXPECTED_REVISION', `stream ${stream}: expected revision ${expected}, actual ${actual}`, {
      stream,
      expected,
      actual,
    });
  }
}

/** A plugin, tool or remote endpoint failed; the execution records it and carries on being consistent. */
export class PluginError extends WreError {
  constructor(message: string, details: Record<string, unknown> = {}, code = 'PLUGIN_ERROR') {
    super(code, message, details);
  }
}

/** Configuration is invalid; raised at start so the process exits with a clear message. */
export class ConfigError extends WreError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFIG_INVALID', message, details);
  }
}

export const isWreError = (e: unknown): e is WreError => e instanceof WreError;

/** The message of anything thrown; duck-typed because errors may come from another realm (vm contexts, addons). */
export const errorMessage = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
    ? (e as { message: string }).message
    : String(e);
