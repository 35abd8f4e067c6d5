import type { TemplateStep } from '../template/index.js';

/** CANDIDATE: learned from one example whose template repeats a value; served only once a second example agrees. */
export type PatternStatus = 'CANDIDATE' | 'ACTIVE' | 'SUPERSEDED' | 'RETIRED';

/** A learned plan template and what history says about it. */
export interface PatternDoc {
  id: string;
  keyId: string;
  /** The tenant whose executions taught it; it is served to that tenant only. */
  tenant: string;
  /** The plugin manifest it was learned under (endpoint, tools, schemas); part of the recall key. */
  manifestHash?: string;
  /** Keyed MAC over what decides serving (see pattern-seal.ts); a pattern whose seal fails is never served. */
  seal?: string;
  operationType: string;
  plugin: string;
  paramShape: string;
  version: number;
  /** Template steps: args may hold markers ($slot, $format, $out, $item); `each` marks a per-item step. */
  steps: TemplateStep[];
  slots: string[];
  /** Protocol rules consulted when the source execution was validated, plus the memory protocols themselves. */
  citations: string[];
  uses: number;
  successes: number;
  failures: number;
  fidelity: number;
  status: PatternStatus;
  contentHash: string;
  /** The computed execution it was learned from. */
  provenance: { executionId: string; position: string };
  /** Every computed execution that produced this same template (first 20), confirming it. */
  sources?: { executionId: string; position: string }[];
  /** Why one example was not enough to serve it (see PlanTemplate.fragile); kept after promotion for the record. */
  fragile?: string[];
  /** Why it was retired, when it was. */
  retiredReason?: string;
  learnedAt: string;
  lastUsedAt: string | null;
  /** CANDIDATE only: hash of each slot's value in the example it was learned from (promotion needs new values). */
  candidateValues?: Record<string, string>;
}

/**
 * The recall index entry: which pattern serves this key now (null when none may) and the latest version number.
 * The choice is made when patterns change, not at recall, so recall is one key read and one pattern read.
 * Ranking among a key's versions: only the newest version is a candidate (a new version is learned only when the
 * served one could not serve: retired, unconfirmed, or unresolvable for an operation); it serves while ACTIVE;
 * CANDIDATE waits for a confirming example; SUPERSEDED and RETIRED versions are never served again.
 */
export interface PatternKeyDoc {
  keyId: string;
  patternId: string | null;
  version: number;
  /** See pattern-seal.ts: an entry written without the service secret (e.g. pointing at an older version) is ignored. */
  seal?: string;
}

export const PATTERNS = 'patterns';
export const PATTERN_KEYS = 'pattern_keys';
export const PATTERN_PENDING = 'pattern_pending';
/** Citations every recalled plan carries: WSP 60 (module memory) and WSP 82 (citation chain). */
export const MEMORY_CITATIONS = ['WSP-60/pattern-memory', 'WSP-82/citation-chain'];
