export { extractRequest, normaliseSkeleton, operationTypeOf, type ExtractedRequest } from './extract-request.js';
export { responseCacheKey } from './response-cache-key.js';
export type { ExtractOptions } from './value-parsers.js';
