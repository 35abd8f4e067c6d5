import { streamName } from '#kernel';

// Every stream the system writes is `{category}-{id}` (no dash inside the category). Its names are built and read
// here only, so a category is spelled once.

const EXECUTION = 'execution';
const PLUGIN = 'plugin';
const PATH_CHECK = 'pathcheck';
const API_KEY = 'apikey';

/** One execution's stream: its request, plan, validations, step outcomes and end. */
export const executionStream = (executionId: string): string => streamName(EXECUTION, executionId);

/** The execution id of an execution stream (callers only pass execution streams). */
export const executionIdOf = (stream: string): string => stream.slice(EXECUTION.length + 1);

export const isExecutionStream = (stream: string): boolean => stream.startsWith(`${EXECUTION}-`);

/** One plugin's stream: its registrations and deregistrations, keyed by plugin name. */
export const pluginStream = (name: string): string => streamName(PLUGIN, name);

/** One recorded module-path check (`validateModulePath`). */
export const pathCheckStream = (checkId: string): string => streamName(PATH_CHECK, checkId);

/** One API key's stream: its issue and revocation. */
export const apiKeyStream = (keyId: string): string => streamName(API_KEY, keyId);

export const apiKeyStreamPrefix = `${API_KEY}-`;
