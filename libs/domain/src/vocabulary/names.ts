/** Tool names: stable identifiers that end up in plans and learned patterns. */
export const TOOL_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

/** Operation types: what callers execute and what recall keys and stats are grouped by. */
export const OPERATION_TYPE_PATTERN = /^[a-z][a-z0-9_.:-]{0,63}$/;
