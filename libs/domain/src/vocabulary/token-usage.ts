/** Planner tokens: what asking a planner cost (0 for a plan recalled from memory). */
export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

export const ZERO_TOKENS: TokenUsage = { prompt: 0, completion: 0, total: 0 };

export const addTokens = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  prompt: a.prompt + b.prompt,
  completion: a.completion + b.completion,
  total: a.total + b.total,
});
