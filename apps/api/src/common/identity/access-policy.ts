import type { Role } from '#domain';

/**
 * The least role each root field needs: one table, read by the guard (a field missing here is refused to
 * everyone) and by the authorization-matrix e2e test. Tenant rules (own executions, own plugins) apply on top,
 * inside the use cases and queries.
 */
export const ACCESS: Readonly<Record<string, Role>> = {
  'Query.me': 'READER',
  'Query.events': 'READER',
  'Query.execution': 'READER',
  'Query.executions': 'READER',
  'Query.pattern': 'READER',
  'Query.patterns': 'READER',
  'Query.plugin': 'READER',
  'Query.plugins': 'READER',
  'Query.protocols': 'READER',
  'Query.recallStats': 'READER',
  'Query.skills': 'READER',
  'Query.tokenReport': 'READER',
  'Query.apiKeys': 'ADMIN',
  'Subscription.executionEvents': 'READER',
  'Mutation.executeOperation': 'OPERATOR',
  'Mutation.executeSkill': 'OPERATOR',
  'Mutation.registerPlugin': 'OPERATOR',
  'Mutation.deregisterPlugin': 'OPERATOR',
  'Mutation.validateModulePath': 'OPERATOR',
  'Mutation.rebuildProjections': 'ADMIN',
  'Mutation.setPluginShared': 'ADMIN',
  'Mutation.issueApiKey': 'ADMIN',
  'Mutation.revokeApiKey': 'ADMIN',
};
