import { randomUUID } from 'node:crypto';
import { sha256 } from './json.js';

/** Formats 32 hex chars as a UUID (version nibble 5-like, variant 8) so ids look familiar on the wire. */
function hexToUuid(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** Deterministic UUID from a name: same input, same id (used for event ids and idempotent commands). */
export const deterministicId = (...parts: string[]): string => hexToUuid(sha256(parts.join('\u0000')));

/** Event id for the `index`-th event produced by command `commandId` (STYLE rule 3). */
export const eventIdFor = (commandId: string, index: number): string =>
  deterministicId('event', commandId, String(index));

export interface IdGenerator {
  next(): string;
}

export const randomIds: IdGenerator = { next: () => randomUUID() };

/** Sequential ids for tests. */
export class SequentialIds implements IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {}
  next(): string {
    this.n += 1;
    return `${this.prefix}-${this.n}`;
  }
}
