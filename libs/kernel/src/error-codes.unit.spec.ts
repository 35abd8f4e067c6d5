import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { errorCatalogueMarkdown } from './error-catalogue-markdown.js';
import { ERROR_CODES, isErrorCode } from './error-codes.js';
import { BadInputError, ConfigError, pluginCode, PluginError, WreError } from './errors.js';

const DOC = new URL('../../../docs/errors.md', import.meta.url);

describe('the error-code catalogue', () => {
  it('holds UPPER_SNAKE_CASE codes, each with a one-line meaning', () => {
    for (const [code, [, summary]] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(summary).toMatch(/^[A-Z`'a-z_].{10,119}$/);
      expect(summary).not.toContain('\n');
    }
  });

  it('is what docs/errors.md lists (WRE_WRITE_DOCS=1 rewrites the file)', () => {
    if (process.env.WRE_WRITE_DOCS === '1') writeFileSync(DOC, errorCatalogueMarkdown());
    expect(readFileSync(DOC, 'utf8')).toBe(errorCatalogueMarkdown());
  });

  it('gives every error class one constructor order: code, message, details', () => {
    const details = { field: 'x' };
    expect(new WreError('STORE_CLOSED', 'm', details)).toMatchObject({ code: 'STORE_CLOSED', message: 'm', details });
    expect(new BadInputError('PARAMS_INVALID', 'm')).toMatchObject({ code: 'PARAMS_INVALID', details: {} });
    expect(new PluginError('TOOL_FAILED', 'm', details)).toMatchObject({ code: 'TOOL_FAILED', details });
    expect(new ConfigError('m', details)).toMatchObject({ code: 'CONFIG_INVALID', message: 'm', details });
  });

  it('lets plugins name their own codes, in the same shape, and nothing else', () => {
    expect(new PluginError(pluginCode('PAYMENT_DECLINED'), 'no').code).toBe('PAYMENT_DECLINED');
    expect(isErrorCode('PAYMENT_DECLINED')).toBe(false);
    expect(isErrorCode('INTERNAL_SERVER_ERROR')).toBe(true);
    expect(() => pluginCode('payment declined')).toThrow(TypeError);
  });

  it("has one internal code, and the store's event-id clash apart from the client's commandId conflict", () => {
    expect(Object.keys(ERROR_CODES).filter((c) => c.startsWith('INTERNAL'))).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(ERROR_CODES.EVENT_ID_CONFLICT[0]).toBe('server');
    expect(ERROR_CODES.IDEMPOTENCY_CONFLICT[0]).toBe('request');
  });
});
