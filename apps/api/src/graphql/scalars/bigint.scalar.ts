import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const parse = (value: unknown): bigint => {
  if (typeof value === 'string' && /^(0|[1-9][0-9]{0,30})$/.test(value)) return BigInt(value);
  throw new GraphQLError('BigInt must be a non-negative decimal integer string', { extensions: { code: 'BAD_USER_INPUT' } });
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
