import { createHash } from 'node:crypto';
import { decodeSkillText } from './decode-skill-text.js';
import { parseFrontmatter } from './parse-frontmatter.js';
import { readSkillFile } from './read-skill-file.js';
import { readSkillFields } from './skill-fields.js';
import type { SkillDefinition, SkillFileName, StepFailure } from './skill.types.js';

export type SkillFileLoad = { ok: true; skill: SkillDefinition } | (StepFailure & { missing: boolean });

/** Read → decode → split frontmatter → validate fields, for one file of one skill folder. */
export async function loadSkillFile(file: string, format: SkillFileName, folderName: string): Promise<SkillFileLoad> {
  const read = await readSkillFile(file);
  if (!read.ok) return read;
  const decoded = decodeSkillText(read.bytes);
  if (!decoded.ok) return { ...decoded, missing: false };
  const frontmatter = parseFrontmatter(decoded.text);
  if (!frontmatter.ok) return { ...frontmatter, missing: false };
  const fields = readSkillFields(frontmatter.data, frontmatter.keyLines, folderName);
  if (!fields.ok) return { ...fields, missing: false };
  const contentHash = createHash('sha256').update(read.bytes).digest('hex');
  return { ok: true, skill: { ...fields.fields, instructions: frontmatter.body, file, format, contentHash } };
}
