/**
 * Key of an exact-match response cache (GPTCache "exact" style) for the baseline: the request text with
 * whitespace runs collapsed and trimmed, nothing else; case, punctuation and values all count.
 */
export const responseCacheKey = (text: string): string => text.replace(/\s+/g, ' ').trim();
