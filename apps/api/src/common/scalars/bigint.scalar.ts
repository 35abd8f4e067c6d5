import { GraphQLScalarType, Kind } from 'graphql';
import { BadInputError, parseBigIntString } from '#kernel';

/** Same rule as every other position on the wire (kernel parseBigIntString); errors carry BAD_USER_INPUT. */
const parse = (value: unknown): bigint => {
  if (typeof value !== 'string')
    throw new BadInputError('BAD_USER_INPUT', 'BigInt must be a decimal integer string', { field: 'BigInt' });
  return parseBigIntString(value, 'BigInt');
};

/** Stream revisions and global positions: bigint in code, decimal strings on the wire (JSON has no 64-bit ints). */
export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  description: 'A non-negative 64-bit-or-larger integer, serialised as a decimal string.',
  serialize: (value) => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new TypeError('BigInt cannot represent this value');
  },
  parseValue: parse,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parse(ast.value) : parse(undefined)),
});
