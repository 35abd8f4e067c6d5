import { WreError } from '#kernel';

/** given(events).when(command).then(expectedEvents) / .thenThrows(code), over any pure decider. */
export function deciderSpec<C, E, S>(decide: (c: C, s: S) => E[], evolve: (s: S, e: E) => S, initial: S) {
  return {
    given(events: E[]) {
      const state = events.reduce(evolve, initial);
      return {
        when(command: C) {
          return {
            then(expected: E[]): void {
              expect(decide(command, state)).toEqual(expected);
            },
            thenThrows(code: string): void {
              let caught: unknown;
              try {
                decide(command, state);
              } catch (e) {
                caught = e;
              }
              expect(caught).toBeInstanceOf(WreError);
              expect((caught as WreError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
