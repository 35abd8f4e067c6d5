import type { ErrorCode } from './error-codes.js';

declare const pluginCodeBrand: unique symbol;

/** A code a plugin names for its own failure (e.g. `PAYMENT_DECLINED`); made with `pluginCode()`. */
export type PluginCode = string & { readonly [pluginCodeBrand]: true };

const PLUGIN_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * Plugins may name their own failures; WRE records such a code on the execution as given. WRE's own codes come
 * from the catalogue (error-codes.ts) and are typed, so a misspelt one does not compile.
 */
export function pluginCode(code: string): PluginCode {
  if (!PLUGIN_CODE.test(code)) throw new TypeError(`plugin error codes are UPPER_SNAKE_CASE identifiers, got ${code}`);
  return code as PluginCode;
}

/**
 * One error tree for the whole system. Every class takes (code, message, details): `code` comes from the
 * catalogue (error-codes.ts) and travels to GraphQL clients as `extensions.code`; `details` must be safe to show
 * (no stack traces, no secrets).
 */
export class WreError extends Error {
  constructor(
    readonly code: ErrorCode | PluginCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input from a caller is malformed or out of range; nothing was written. */
export class BadInputError extends WreError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** The caller referred to something that is not there. */
export class NotFoundError extends WreError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** A plugin, tool, planner or remote endpoint failed; the execution records it and stays consistent. */
export class PluginError extends WreError {}

/** Optimistic concurrency: the stream was not at the revision the writer expected. */
export class WrongExpectedRevisionError extends WreError {
  constructor(stream: string, expected: string, actual: string) {
    const message = `stream ${stream}: expected revision ${expected}, actual ${actual}`;
    super('WRONG_EXPECTED_REVISION', message, { stream, expected, actual });
  }
}

/** Configuration is invalid; raised at start so the process exits with a clear message (always CONFIG_INVALID). */
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

/** The caller has no usable credentials (`UNAUTHENTICATED`) or may not do this (`FORBIDDEN`). */
export class AuthError extends WreError {
  constructor(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
