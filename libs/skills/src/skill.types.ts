import type { ErrorCode } from '#kernel';
/** Rate limit a skill asks for; durations are already converted to milliseconds. */
export interface SkillThrottle {
  max: number;
  windowMs: number;
  cooldownMs?: number;
}

/** A skill folder that loaded and validated: frontmatter fields plus the markdown body for planners. */
export interface SkillDefinition {
  name: string;
  description: string;
  operationTypes: string[];
  /** `null` = the skill does not restrict tools; `[]` = it allows none. */
  allowedTools: string[] | null;
  plugin: string | null;
  throttle: SkillThrottle | null;
  /** Markdown body, line endings normalised to `\n`, leading blank lines and trailing whitespace removed. */
  instructions: string;
  /** Absolute path of the file that was read (below the real path of the skill folder). */
  file: string;
  format: SkillFileName;
  /** sha256 hex of the raw file bytes (BOM and CRLF included). */
  contentHash: string;
}

/** Stable failure codes (in the error catalogue); CI output and callers match on these, so never rename one. */
export const SKILL_FAILURE_CODES = [
  'SKILL_NAME_INVALID',
  'SKILL_NOT_FOUND',
  'SKILL_UNREADABLE',
  'SKILL_TOO_LARGE',
  'SKILL_BINARY',
  'SKILL_FRONTMATTER_MISSING',
  'SKILL_YAML_INVALID',
  'SKILL_FIELD_INVALID',
  'SKILL_SYMLINK_ESCAPE',
  'SKILL_DIR_MISSING',
] as const satisfies readonly ErrorCode[];

export type SkillFailureCode = (typeof SKILL_FAILURE_CODES)[number];

/** Result of loading one skill; a broken skill is a value, never a thrown exception. */
export type SkillLoad =
  | { ok: true; skill: SkillDefinition; warnings: string[] }
  | {
      ok: false;
      name: string;
      code: SkillFailureCode;
      reason: string;
      file: string | null;
      /** 1-based line in `file`, when the problem has one. */
      line: number | null;
      warnings: string[];
    };

/** Preferred file first. */
export const SKILL_FILE_NAMES = ['SKILLz.md', 'SKILL.md'] as const;
export type SkillFileName = (typeof SKILL_FILE_NAMES)[number];

export const SKILL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
// One definition of what operation types and tool names look like: the plugin SDK's.
export { OPERATION_TYPE_PATTERN, TOOL_NAME_PATTERN } from '#domain';
export const MAX_SKILL_FILE_BYTES = 256 * 1024;
export const MAX_DESCRIPTION_CHARS = 1024;

/** Internal failure shape shared by the reading/parsing steps before it is tied to a skill and file. */
export interface StepFailure {
  ok: false;
  code: SkillFailureCode;
  reason: string;
  line: number | null;
}

export const stepFailure = (code: SkillFailureCode, reason: string, line: number | null = null): StepFailure => ({
  ok: false,
  code,
  reason,
  line,
});
