export { CANONICALISATION, canonicalArgs, canonicalEqual } from './canonical-args.js';
export { comparePlans, type PlanComparison } from './compare-plans.js';
