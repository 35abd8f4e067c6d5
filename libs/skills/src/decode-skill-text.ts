import { firstInvalidUtf8Line, lineAtOffset } from '#kernel';
import { stepFailure, type StepFailure } from './skill.types.js';

export type SkillText = { ok: true; text: string } | StepFailure;

/**
 * Turns file bytes into text: NUL bytes mean binary, anything that is not strict UTF-8 is refused, and a
 * leading BOM is dropped (the decoder's default). Line numbers count `\n` bytes, which never occur inside
 * a multi-byte UTF-8 sequence, so they are right even for invalid input.
 */
export function decodeSkillText(bytes: Uint8Array): SkillText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return stepFailure(
      'SKILL_BINARY',
      `contains a NUL byte at offset ${nul}; skill files must be UTF-8 text`,
      lineAtOffset(bytes, nul),
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return stepFailure('SKILL_BINARY', 'is not valid UTF-8 (re-save the file as UTF-8)', firstInvalidUtf8Line(bytes));
  }
}
