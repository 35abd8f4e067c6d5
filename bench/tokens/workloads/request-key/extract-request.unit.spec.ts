import { OPERATION_TYPE_PATTERN } from '#domain';
import { extractRequest, normaliseSkeleton, operationTypeOf } from './extract-request.js';
import { responseCacheKey } from './response-cache-key.js';

const x = (text: string, defaultYear?: number) =>
  extractRequest(text, defaultYear === undefined ? {} : { defaultYear });

describe('extractRequest on made-up sentences', () => {
  it('same skeleton, same type and param names; different intent, different type', () => {
    const a = x('Send the report to alice@corp.io by 2024-03-01 at 9:30 am.');
    const b = x('Send the report to bob@corp.io by 2024-04-15 at 10:05 pm.');
    const c = x('Delete the report of alice@corp.io from 2024-03-01 at 9:30 am.');
    expect(a.type).toBe('send the report to {email} by {date} at {time}');
    expect(b.type).toBe(a.type);
    expect(Object.keys(b.params)).toEqual(Object.keys(a.params));
    expect(a.params).toEqual({ email_1: 'alice@corp.io', date_1: '2024-03-01', time_1: '09:30' });
    expect(b.params).toEqual({ email_1: 'bob@corp.io', date_1: '2024-04-15', time_1: '22:05' });
    expect(c.type).not.toBe(a.type);
    expect(c.operationType).not.toBe(a.operationType);
  });

  it('normalises the common date forms to ISO', () => {
    const dates = [
      'on 2022-01-02',
      'on 2022/1/2',
      'on 2022.1.2',
      'on 1/2/2022',
      'on January 2nd, 2022',
      'on Jan 2 2022',
      'on 2 January 2022',
      'on the 2nd of January, 2022',
    ];
    for (const d of dates) expect(x(`Book it ${d}.`).params).toEqual({ date_1: '2022-01-02' });
    expect(x('Book it on Jan 3.', 2025).params).toEqual({ date_1: '2025-01-03' });
    expect(x('Book it on 2022-02-30.').params).not.toHaveProperty('date_1'); // no such day: not a date
  });

  it('types numbers: decimals, separators, signs; ids with leading zeros stay text', () => {
    expect(x('Transfer 1,000 dollars and 12.50 cents, fee -3, agent 007.').params).toEqual({
      number_1: 1000,
      number_2: 12.5,
      number_3: -3,
      number_4: '007',
    });
  });

  it('reads URLs, curly quotes, key: value pairs, paths and identifiers', () => {
    const r = x(
      'Fetch https://example.org/a?b=1, save it as “daily dump” in src/data/dump.json. Owner: user4, tag new_module.',
    );
    expect(r.type).toBe('fetch {url}, save it as {quoted} in {path}. owner: {owner}, tag {id}');
    expect(r.params).toEqual({
      url_1: 'https://example.org/a?b=1',
      quoted_1: 'daily dump',
      path_1: 'src/data/dump.json',
      owner: 'user4',
      id_1: 'new_module',
    });
    expect(x('Open README.md.').params).toEqual({ path_1: 'README.md' });
    expect(x('Use this and/or that, e.g. tea.').params).toEqual({});
  });

  it('does not take sentence openers, the pronoun I, or possessive apostrophes as values', () => {
    const r = x("Yesterday I met Anna. Then I called Bob's office and didn't wait.");
    expect(r.params).toEqual({ name_1: 'Anna', name_2: 'Bob' });
    expect(r.type).toBe("yesterday i met {name}. then i called {name}'s office and didn't wait");
  });

  it('ends an "X is VALUE" clause at punctuation, a line end, "and" or "but", and nowhere else', () => {
    expect(x('My username is admin and my email address is admin@example.com.').params).toEqual({
      username: 'admin',
      email_1: 'admin@example.com',
    });
    expect(x('My username is "newuser" and my password is "new pass".').params).toEqual({
      username: 'newuser',
      password: 'new pass',
    });
    expect(x('The meeting is from 14:00 to 15:00.').params).toEqual({ time_1: '14:00', time_2: '15:00' });
    expect(x('It is 5 and this is 6.').params).toEqual({ number_1: 5, number_2: 6 }); // pronoun subjects name nothing
  });

  it('numbers repeated kinds in order and de-duplicates repeated keys', () => {
    expect(x('Route from Paris to Rome via Milan.').params).toEqual({
      name_1: 'Paris',
      name_2: 'Rome',
      name_3: 'Milan',
    });
    expect(x('Set a=1, b=2, a=3.').params).toEqual({ a: 1, b: 2, a_2: 3 });
  });
});

describe('operation types and the response-cache key', () => {
  it('makes a valid, stable operation type from any skeleton', () => {
    for (const t of ['query meeting of {name}', '', '{number} apples', 'x'.repeat(500)]) {
      expect(operationTypeOf(t)).toMatch(OPERATION_TYPE_PATTERN);
      expect(operationTypeOf(t)).toBe(operationTypeOf(t));
    }
    expect(operationTypeOf('a b')).not.toBe(operationTypeOf('a  b'));
  });

  it('normalises skeleton punctuation and spacing', () => {
    expect(normaliseSkeleton('  Hello ,  world !!\n\n( a ) ok.  ')).toBe('Hello, world / (a) ok'); // lower-casing happens before, on literal text only
  });

  it('keys the exact-match baseline on whitespace-normalised text only', () => {
    expect(responseCacheKey('  Find  nearby\nrestaurants. ')).toBe('Find nearby restaurants.');
    expect(responseCacheKey('Find nearby restaurants')).not.toBe(responseCacheKey('find nearby restaurants'));
  });
});
