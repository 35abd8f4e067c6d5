import type { JsonObject } from '../../../kernel/src/index.js';

/** CANDIDATE: learned from one example whose template repeats a value; served only once a second example agrees. */
export type PatternStatus = 'CANDIDATE' | 'ACTIVE' | 'SUPERSEDED' | 'RETIRED';

/** A learned plan template and what history says about it. */
export interface PatternDoc {
  id: string;
  keyId: string;
  operationType: string;
  plugin: string;
  paramShape: string;
  version: number;
  steps: { tool: string; args: JsonObject }[];
  slots: string[];
  /** Protocol rules consulted when the source execution was validated, plus the memory protocols themselves. */
  citations: string[];
  uses: number;
  successes: number;
  failures: number;
  fidelity: number;
  status: PatternStatus;
  contentHash: string;
  provenance: { executionId: string; position: string };
  learnedAt: string;
  lastUsedAt: string | null;
  /** CANDIDATE only: hash of each slot's value in the example it was learned from (promotion needs new values). */
  candidateValues?: Record<string, string>;
}

/** The recall index entry: which pattern serves this key now (null once retired) and the latest version number. */
export interface PatternKeyDoc {
  keyId: string;
  patternId: string | null;
  version: number;
}

export const PATTERNS = 'patterns';
export const PATTERN_KEYS = 'pattern_keys';
export const PATTERN_PENDING = 'pattern_pending';
/** Citations every recalled plan carries: WSP 60 (module memory) and WSP 82 (citation chain). */
export const MEMORY_CITATIONS = ['WSP-60/pattern-memory', 'WSP-82/citation-chain'];
