import { assertEndpointAllowed } from './endpoint-allow-list.js';

const verdict = (url: string, list?: string[]): string => {
  try {
    assertEndpointAllowed(url, list);
    return 'allowed';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('assertEndpointAllowed', () => {
  it('allows loopback only by default, in all the spellings URL canonicalises', () => {
    for (const url of [
      'http://localhost:8080/x',
      'http://127.0.0.1:1/',
      'http://127.5.6.7/',
      'https://[::1]:9/',
      'http://127.1/',
      'http://0x7f.0.0.1/',
      'http://LOCALHOST./',
    ]) {
      expect([url, verdict(url)]).toEqual([url, 'allowed']);
    }
    for (const url of [
      'http://example.com/',
      'http://10.0.0.1/',
      'http://[::ffff:7f00:1]/',
      'http://localhost.evil.com/',
      'http://128.0.0.1/',
    ]) {
      expect([url, verdict(url)]).toEqual([url, 'ENDPOINT_NOT_ALLOWED']);
    }
  });

  it('refuses other schemes, credentials and garbage whatever the list says', () => {
    for (const url of [
      'ftp://localhost/',
      'file:///etc/passwd',
      'http://user:pw@localhost/',
      'http://user@localhost/',
      'not a url',
      '',
    ]) {
      expect([url, verdict(url, ['loopback', 'localhost'])]).toEqual([url, 'ENDPOINT_NOT_ALLOWED']);
    }
  });

  it('matches hostnames on any port and host:port entries on that port only (default ports included)', () => {
    const list = ['plugins.internal', 'api.example.com:8443', '[fe80::1]:80', '10.1.2.3:80'];
    expect(verdict('https://plugins.internal:9999/run', list)).toBe('allowed');
    expect(verdict('https://api.example.com:8443/', list)).toBe('allowed');
    expect(verdict('https://api.example.com/', list)).toBe('ENDPOINT_NOT_ALLOWED');
    expect(verdict('http://[fe80::1]/', list)).toBe('allowed');
    expect(verdict('http://10.1.2.3/', list)).toBe('allowed');
    expect(verdict('http://10.1.2.3:81/', list)).toBe('ENDPOINT_NOT_ALLOWED');
    expect(verdict('http://localhost/', list)).toBe('ENDPOINT_NOT_ALLOWED');
    expect(verdict('http://localhost/', [])).toBe('ENDPOINT_NOT_ALLOWED');
  });

  it('rejects malformed allow-list entries as configuration errors', () => {
    expect(verdict('http://localhost/', ['http://localhost/'])).toBe('CONFIG_INVALID');
    expect(verdict('http://localhost/', ['user@host'])).toBe('CONFIG_INVALID');
  });
});
