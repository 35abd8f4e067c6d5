import { stepFailure, type StepFailure } from './skill.types.js';

export type SkillText = { ok: true; text: string } | StepFailure;

const NEWLINE = 0x0a;

/**
 * Turns file bytes into text: NUL bytes mean binary, anything that is not strict UTF-8 is refused, and a
 * leading BOM is dropped (the decoder's default). Line numbers count `\n` bytes, which never occur inside
 * a multi-byte UTF-8 sequence, so they are right even for invalid input.
 */
export function decodeSkillText(bytes: Uint8Array): SkillText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return stepFailure('SKILL_BINARY', `contains a NUL byte at offset ${nul}; skill files must be UTF-8 text`, lineAt(bytes, nul));
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return stepFailure('SKILL_BINARY', 'is not valid UTF-8 (re-save the file as UTF-8)', firstInvalidLine(bytes));
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === NEWLINE) line++;
  return line;
}

function firstInvalidLine(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return null;
}
