export * from './workload.types.js';
export { DATASETS_DIR_ENV, datasetsDir, missingDatasetsReason } from './datasets-dir.js';
export { parseJsonlRecords, readJsonlWorkload, writeJsonl, type JsonlWorkloadOptions } from './jsonl-workload.js';
export { apiBankLevel3Workload, API_BANK_LEVEL3_FILE } from './api-bank-level3.js';
export {
  apiBankLevel1Workload,
  readLevel1Dialogues,
  API_BANK_LEVEL1_DIR,
  type Level1Dialogue,
} from './api-bank-level1.js';
export { restBenchWorkload, restBenchWorkloads, restToolName, type RestBenchSet } from './restbench.js';
export { distinctStructures, planStructure, repeatCeiling } from './repeat-ceiling.js';
export { apiBankTool, inferTools, widenSchema, widenToGold } from './tool-catalogue.js';
export * from './request-key/index.js';
export * from './score/index.js';
export * from './seed/index.js';
