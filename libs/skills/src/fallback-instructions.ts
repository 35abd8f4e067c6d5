/** What {@link fallbackInstructions} needs to explain a skill that could not be loaded. */
export interface FallbackInput {
  skillName: string;
  agent: string;
  operationType: string;
  inputKeys: string[];
  reason: string;
}

const MAX_FIELD_CHARS = 200;
const MAX_REASON_CHARS = 500;
const MAX_KEYS = 50;

/**
 * Planner text used in place of a skill's instructions when the skill could not be loaded. Deterministic
 * (same input, same text; keys sorted and de-duplicated) so plans and pattern-memory keys stay stable. Every
 * value is flattened to one line and clipped: a hostile file name or reason cannot inject prompt sections.
 */
export function fallbackInstructions(input: FallbackInput): string {
  const skill = oneLine(input.skillName, MAX_FIELD_CHARS);
  const agent = oneLine(input.agent, MAX_FIELD_CHARS);
  const operation = oneLine(input.operationType, MAX_FIELD_CHARS);
  const reason = oneLine(input.reason, MAX_REASON_CHARS).replace(/[.\s]+$/, '') || 'no reason given';
  const keys = [...new Set(input.inputKeys.map((key) => oneLine(key, MAX_FIELD_CHARS)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const shownKeys = keys.slice(0, MAX_KEYS).map((key) => `\`${key}\``);
  const more = keys.length > MAX_KEYS ? ` (and ${keys.length - MAX_KEYS} more)` : '';
  return [
    `## Skill \`${skill}\` unavailable — fallback plan`,
    '',
    `The skill \`${skill}\` could not be loaded: ${reason}.`,
    'No skill-specific instructions apply to this operation.',
    '',
    `Agent \`${agent}\` runs operation \`${operation}\` with the plugin's own plan under the loaded protocols:`,
    "- use only the plugin's declared tools and its deterministic plan for this operation type;",
    '- every protocol rule, path guard and throttle that is loaded still applies; do not relax or skip any;',
    '- do not invent steps the skill would have described; report the missing skill with the result.',
    '',
    `Input keys: ${shownKeys.length === 0 ? '(none)' : shownKeys.join(', ')}${more}.`,
    '',
  ].join('\n');
}

function oneLine(value: unknown, max: number): string {
  const text = (typeof value === 'string' ? value : String(value))
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .replace(/`/g, "'")
    .trim();
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return clipped === '' ? '(empty)' : clipped;
}
