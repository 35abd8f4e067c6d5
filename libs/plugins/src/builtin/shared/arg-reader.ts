import { BadInputError, type JsonObject } from '#kernel';

/**
 * Typed reads from tool args / operation params. The orchestrator validates args against each tool's
 * argsSchema, but built-ins act on disk, so they check again rather than trust a learned or LLM plan.
 */
export class ArgReader {
  constructor(
    private readonly values: JsonObject,
    /** Error code used for failures (`TOOL_ARGS_INVALID` or `PARAMS_INVALID`). */
    readonly code: 'TOOL_ARGS_INVALID' | 'PARAMS_INVALID',
    private readonly what: string,
  ) {}

  private fail(key: string, expected: string): never {
    throw new BadInputError(this.code, `${this.what} '${key}' must be ${expected}`, { key, expected });
  }

  /** A string (required unless a fallback is given), at most `maxLength` characters. */
  string(key: string, fallback?: string, maxLength = 1024): string {
    const v = this.values[key] ?? fallback;
    if (typeof v !== 'string' || v.length === 0 || v.length > maxLength) {
      this.fail(key, `a non-empty string of at most ${maxLength} characters`);
    }
    return v;
  }

  optionalString(key: string, maxLength = 1024): string | undefined {
    return this.values[key] === undefined || this.values[key] === null
      ? undefined
      : this.string(key, undefined, maxLength);
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.values[key] ?? fallback;
    if (typeof v !== 'boolean') this.fail(key, 'a boolean');
    return v;
  }

  /** An array of strings, or `undefined` when absent and no fallback is given. */
  stringArray(key: string, fallback?: string[], maxItems = 100_000): string[] | undefined {
    const v = this.values[key];
    if (v === undefined || v === null) return fallback;
    if (!Array.isArray(v) || v.length > maxItems || !v.every((s) => typeof s === 'string')) {
      this.fail(key, `an array of at most ${maxItems} strings`);
    }
    return v as string[];
  }
}

/** Reader for a step's args; failures are BadInputError `TOOL_ARGS_INVALID`. */
export const toolArgs = (args: JsonObject): ArgReader => new ArgReader(args, 'TOOL_ARGS_INVALID', 'tool argument');

/** Reader for an operation's params; failures are BadInputError `PARAMS_INVALID`. */
export const operationParams = (params: JsonObject): ArgReader =>
  new ArgReader(params, 'PARAMS_INVALID', 'operation parameter');
