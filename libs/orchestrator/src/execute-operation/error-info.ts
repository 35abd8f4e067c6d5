import { errorMessage, isWreError } from '#kernel';

/** What an execution records of a failure: a WreError's own code and message, anything else under `fallbackCode`. */
export const errorInfo = (e: unknown, fallbackCode: string): { code: string; message: string } =>
  isWreError(e) ? { code: e.code, message: e.message } : { code: fallbackCode, message: errorMessage(e) };
