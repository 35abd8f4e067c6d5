import { BadInputError } from '#kernel';

/** A caller's page size: the default when absent, refused (BAD_USER_INPUT) outside 1..max. */
export function pageSize(first: number | null | undefined, dflt: number, max: number): number {
  if (first == null) return dflt;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadInputError('BAD_USER_INPUT', `first must be an integer from 1 to ${max}`, { first });
  }
  return first;
}
