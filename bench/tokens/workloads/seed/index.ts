export { seedFamilyWorkload, type SeedOperation } from './seed-families.js';
export { SEED_FAMILIES, seedFamilyPlan, type SeedFamily } from './seed-family-plans.js';
export { seedFamilyTools } from './seed-family-tools.js';
export { seededRandom, type Rng } from './seeded-random.js';
