import { describe, expect, it } from '@jest/globals';
import { AuthError, BadInputError, type WreError } from '#kernel';
import {
  actorOf,
  assertTenant,
  canAccessTenant,
  readScope,
  requireRole,
  SYSTEM_PRINCIPAL,
  type Principal,
  type Role,
} from './principal.js';

const as = (role: Role, tenant = 'acme'): Principal => ({ id: `key_${role}`, tenant, role, via: 'api_key' });
const reader = as('READER');
const operator = as('OPERATOR');
const admin = as('ADMIN', 'default');

/** The WreError `fn` throws (fails the test when it throws nothing). */
function thrown(fn: () => unknown): WreError {
  try {
    fn();
  } catch (e) {
    return e as WreError;
  }
  throw new Error('expected a throw');
}

describe('principal', () => {
  it('accepts tenant names of lower-case letters, digits, _ and - up to 63 characters', () => {
    for (const ok of ['acme', 'default', 'a', 'team-7_b', 'x'.repeat(63)]) expect(assertTenant(ok)).toBe(ok);
  });

  it.each([['Acme'], ['-acme'], ['_acme'], [''], ['a b'], ['x'.repeat(64)], ['acme.example'], [42], [null]])(
    'refuses the tenant %j with TENANT_INVALID',
    (bad) => {
      const e = thrown(() => assertTenant(bad));
      expect(e).toBeInstanceOf(BadInputError);
      expect(e.code).toBe('TENANT_INVALID');
    },
  );

  it('ranks roles: READER < OPERATOR < ADMIN', () => {
    expect(() => requireRole(reader, 'READER', 'reading')).not.toThrow();
    expect(() => requireRole(operator, 'READER', 'reading')).not.toThrow();
    expect(() => requireRole(admin, 'OPERATOR', 'executing')).not.toThrow();
    const e = thrown(() => requireRole(reader, 'OPERATOR', 'executing an operation'));
    expect(e).toBeInstanceOf(AuthError);
    expect(e).toMatchObject({ code: 'FORBIDDEN', details: { required: 'OPERATOR' } });
    expect(e.message).toBe('executing an operation needs role OPERATOR (you are READER)');
    expect(thrown(() => requireRole(operator, 'ADMIN', 'rebuilding')).code).toBe('FORBIDDEN');
  });

  it("scopes reads to the caller's tenant; ADMIN reads every tenant unless it names one", () => {
    expect(readScope(reader)).toBe('acme');
    expect(readScope(operator, null)).toBe('acme');
    expect(readScope(operator, 'acme')).toBe('acme');
    expect(readScope(admin)).toBeNull();
    expect(readScope(admin, 'globex')).toBe('globex');
  });

  it('refuses a read of another tenant (FORBIDDEN) and a malformed tenant filter (TENANT_INVALID)', () => {
    const e = thrown(() => readScope(reader, 'globex'));
    expect(e).toBeInstanceOf(AuthError);
    expect(e).toMatchObject({ code: 'FORBIDDEN', details: { tenant: 'globex' } });
    expect(thrown(() => readScope(admin, 'Not A Tenant')).code).toBe('TENANT_INVALID');
  });

  it('lets ADMIN act on every tenant and others on their own', () => {
    expect(canAccessTenant(admin, 'globex')).toBe(true);
    expect(canAccessTenant(operator, 'acme')).toBe(true);
    expect(canAccessTenant(operator, 'globex')).toBe(false);
  });

  it('records the principal as actor and its tenant on writes; the service is an ADMIN of `default`', () => {
    expect(actorOf(operator)).toEqual({ actor: 'key_OPERATOR', tenant: 'acme' });
    expect(SYSTEM_PRINCIPAL).toEqual({ id: 'system', tenant: 'default', role: 'ADMIN', via: 'system' });
    expect(Object.isFrozen(SYSTEM_PRINCIPAL)).toBe(true);
  });
});
