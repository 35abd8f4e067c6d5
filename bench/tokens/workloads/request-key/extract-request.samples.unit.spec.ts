import { extractRequest } from './extract-request.js';

const x = (text: string, defaultYear?: number) =>
  extractRequest(text, defaultYear === undefined ? {} : { defaultYear });

describe('extractRequest on API-Bank level-3 families', () => {
  it('gives the meeting-reminder requests one type and their own name and e-mail', () => {
    const john = x(' Query meeting of John and send email reminder to john@example.com.');
    const mary = x(' Query meeting of Mary and send email reminder to mary@example.com');
    expect(john.type).toBe('query meeting of {name} and send email reminder to {email}');
    expect(mary.type).toBe(john.type);
    expect(john.params).toEqual({ name_1: 'John', email_1: 'john@example.com' });
    expect(mary.params).toEqual({ name_1: 'Mary', email_1: 'mary@example.com' });
    expect(mary.operationType).toBe(john.operationType);
  });

  it('names key=value params by their key, as numbers', () => {
    const r = x(
      'Get the current weather forecast for a specific location (latitude=40.7128, longitude=74.006) and provide clothing recommendations based on the weather conditions.',
    );
    expect(r.type).toBe(
      'get the current weather forecast for a specific location (latitude={latitude}, longitude={longitude}) and provide clothing recommendations based on the weather conditions',
    );
    expect(r.params).toEqual({ latitude: 40.7128, longitude: 74.006 });
  });

  it('reads dates, times and a name that does not start the sentence', () => {
    const r = x(
      'Book a meeting for me, including all employees in the Alibaba who are not traveling. Today is 2023.6.8, the meeting is from 14:00 to 15:00.',
    );
    expect(r.type).toBe(
      'book a meeting for me, including all employees in the {name} who are not traveling. today is {today}, the meeting is from {time} to {time}',
    );
    expect(r.params).toEqual({ name_1: 'Alibaba', today: '2023-06-08', time_1: '14:00', time_2: '15:00' });
    expect(x(r.type.replace('{name}', 'JD')).params).toMatchObject({ name_1: 'JD' }); // all-caps names count
  });

  it('keeps a unit in the skeleton and multi-word places as one name', () => {
    const r = x('Find nearby restaurants within 1km of New York City.');
    expect(r).toMatchObject({
      type: 'find nearby restaurants within {number}km of {name}',
      params: { number_1: 1, name_1: 'New York City' },
    });
    expect(x('Find nearby restaurants within 2.5km of Tokyo.').type).toBe(r.type);
  });

  it("strips the possessive from John's and keeps it in the skeleton", () => {
    const r = x(
      "Retrieve a list of recommended movies based on John's preferences and filter out the movies that the user has already watched.",
    );
    expect(r.params).toEqual({ name_1: 'John' });
    expect(r.type).toContain("based on {name}'s preferences");
  });

  it('takes "X is VALUE." clauses, named by X', () => {
    const r = x(" Update Mary's personal information and address. Password is abcdef. Address is 456 Main St.");
    expect(r.type).toBe(
      "update {name}'s personal information and address. password is {password}. address is {address}",
    );
    expect(r.params).toEqual({ name_1: 'Mary', password: 'abcdef', address: '456 Main St' });
    expect(
      x(" Update Tom's personal information and address. Password is asdfgh. Address is 012 Main St.").params,
    ).toMatchObject({ address: '012 Main St' });
  });

  it('reads month-name dates with ordinals, and tells "for A to B date" from "for A to B on date"', () => {
    const a = x('Retrieve flight options and hotel availability for Los Angeles to San Francisco January 2nd, 2022.');
    const b = x('Retrieve flight options and hotel availability for London to San Francisco on January 3rd, 2022.');
    expect(a.params).toEqual({ name_1: 'Los Angeles', name_2: 'San Francisco', date_1: '2022-01-02' });
    expect(b.params).toEqual({ name_1: 'London', name_2: 'San Francisco', date_1: '2022-01-03' });
    expect(a.type).not.toBe(b.type); // a generic extractor cannot know the missing "on" is noise
  });

  it('keeps job titles as names', () => {
    expect(x('Calculate the monthly salary after taxes for a Financial Analyst').params).toEqual({
      name_1: 'Financial Analyst',
    });
    expect(x('Calculate the monthly salary after taxes for a Doctor').type).toBe(
      'calculate the monthly salary after taxes for a {name}',
    );
  });
});

describe('extractRequest on level-1 user turns and RestBench queries', () => {
  const turns = [
    'Can you add a schedule for me at 2pm on September 12th called "Meeting with John" at the office?',
    'Can you remind me 10 minutes before the schedule?',
    'My username is JaneSmith, my email is janesmith@example.com, and my password is password.',
  ].join('\n');

  it('reads a multi-turn request line by line', () => {
    const r = x(turns, 2023);
    expect(r.type).toBe(
      'can you add a schedule for me at {time} on {date} called {quoted} at the office / can you remind me {number} minutes before the schedule / my username is {username}, my email is {email}, and my password is {password}',
    );
    expect(r.params).toEqual({
      time_1: '14:00',
      date_1: '2023-09-12',
      quoted_1: 'Meeting with John',
      number_1: 10,
      username: 'JaneSmith',
      email_1: 'janesmith@example.com',
      password: 'password',
    });
    expect(x(turns).params.date_1).toBe('--09-12'); // no year given, none assumed
  });

  it('does not take a value from a clause that goes on ("is from 14:00 to 15:00", "is 34567890 and …")', () => {
    const r = x('The appointment ID is 34567890 and the new date is March 26th with Dr. Lee.', 2023);
    expect(r.params).toEqual({ name_1: 'ID', number_1: 34567890, date_1: '2023-03-26', name_2: 'Dr. Lee' });
  });

  it('reads names and quoted titles in RestBench queries', () => {
    expect(x('give me the number of movies directed by Sofia Coppola')).toMatchObject({
      type: 'give me the number of movies directed by {name}',
      params: { name_1: 'Sofia Coppola' },
    });
    expect(x("Make me a playlist containing three songs of Mariah Carey and name it 'Love Mariah'").params).toEqual({
      name_1: 'Mariah Carey',
      quoted_1: 'Love Mariah',
    });
    expect(x('Add the first song of The Dark Side of the Moon in my playback queue').params).toEqual({
      name_1: 'The Dark Side of the Moon',
    });
    expect(x('Who is the director of the movie "Twilight"?')).toMatchObject({
      type: 'who is the director of the movie {quoted}',
      params: { quoted_1: 'Twilight' },
    });
  });

  it('leaves a request without values as its normalised text', () => {
    expect(x('play me some quiet songs')).toEqual(
      expect.objectContaining({ type: 'play me some quiet songs', params: {} }),
    );
    expect(x('  Retrieve flight options  and hotel availability for a given destination and travel dates. ').type).toBe(
      'retrieve flight options and hotel availability for a given destination and travel dates',
    );
  });
});
