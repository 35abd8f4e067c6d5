import { contentHash } from '#kernel';
import type { PlanTemplate } from './template.types.js';

/**
 * Content hash of what the template does (steps and slots). `ambiguous` is left out: it describes how the
 * template was learned, and two templates that instantiate identically should share a hash.
 */
export const templateHash = (template: PlanTemplate): string =>
  contentHash({ steps: template.steps, slots: template.slots });
