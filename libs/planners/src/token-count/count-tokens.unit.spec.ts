import { fixtureRequest } from '../../test/plan-request.fixture.js';
import { buildPlannerPrompt } from '../prompt/build-planner-prompt.js';
import { countTokens, promptTokens, REPLY_PRIMING_TOKENS, TOKENIZER_NAME, TOKENS_PER_MESSAGE } from './count-tokens.js';

describe('countTokens (o200k_base)', () => {
  it('counts known strings like tiktoken does', () => {
    expect(TOKENIZER_NAME).toBe('o200k_base (js-tiktoken)');
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('{"steps":[]}')).toBeGreaterThan(2);
  });

  it('treats special-token text as plain text instead of throwing', () => {
    expect(countTokens('<|endoftext|>')).toBeGreaterThan(1);
  });

  it('counts a prompt as system + user + 3 per message + 3 for the reply priming', () => {
    const prompt = buildPlannerPrompt(fixtureRequest());
    expect(TOKENS_PER_MESSAGE).toBe(3);
    expect(REPLY_PRIMING_TOKENS).toBe(3);
    expect(promptTokens(prompt)).toBe(countTokens(prompt.system) + countTokens(prompt.user) + 9);
    expect(promptTokens({ system: '', user: '' })).toBe(9);
  });
});
