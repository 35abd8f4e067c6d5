import { errorMessage, isWreError, type ErrorCode } from '#kernel';
import type { Failure } from '#domain';

/** What an execution records of a failure: a WreError's own code and message, anything else under `fallbackCode`. */
export const errorInfo = (e: unknown, fallbackCode: ErrorCode): Failure =>
  isWreError(e) ? { code: e.code, message: e.message } : { code: fallbackCode, message: errorMessage(e) };
