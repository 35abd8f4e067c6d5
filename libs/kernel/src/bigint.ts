import { BadInputError } from './errors.js';

/** Parses a decimal string (as positions travel on the wire) into a bigint, rejecting anything else. */
export function parseBigIntString(value: string, field = 'value'): bigint {
  if (!/^(0|[1-9][0-9]{0,30})$/.test(value)) {
    throw new BadInputError('BAD_USER_INPUT', `${field} must be a non-negative decimal integer string`, {
      field,
      value,
    });
  }
  return BigInt(value);
}

export const bigintToString = (value: bigint): string => value.toString(10);

export const maxBigInt = (a: bigint, b: bigint): bigint => (a > b ? a : b);
