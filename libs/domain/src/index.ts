export * from './vocabulary/index.js';
export * from './streams/index.js';
export * from './plugin/index.js';
export * from './execution/index.js';
export * from './validation/index.js';
export * from './identity/index.js';
import type { PluginEvent } from './plugin/index.js';
import type { ExecutionEvent } from './execution/index.js';
import type { ValidationEvent } from './validation/index.js';
import type { ApiKeyEvent } from './identity/index.js';

/** Every event type the system writes. */
export type WreEvent = PluginEvent | ExecutionEvent | ValidationEvent | ApiKeyEvent;
