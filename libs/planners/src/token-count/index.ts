export { countTokens, promptTokens, TOKENIZER_NAME, TOKENS_PER_MESSAGE, REPLY_PRIMING_TOKENS } from './count-tokens.js';
