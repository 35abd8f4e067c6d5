import { NotFoundError } from '#kernel';
import type { ApiKeyEvent, ApiKeyIssued } from './api-key.events.js';

export type IssueApiKey = { type: 'IssueApiKey' } & ApiKeyIssued['data'];
export type RevokeApiKey = { type: 'RevokeApiKey'; id: string; reason?: string | null };
export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

/** A key as its own stream tells it: what authentication checks, straight from the log (never a read model). */
export interface ApiKeyState {
  status: 'none' | 'active' | 'revoked';
  issued: ApiKeyIssued['data'] | null;
}

export const initialApiKeyState: ApiKeyState = { status: 'none', issued: null };

/** A key id is issued once; revoking is final and revoking again is a no-op. */
export function decideApiKey(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey': {
      if (state.status !== 'none') return [];
      const { id, tenant, role, name, keyHash } = command;
      return [{ type: 'ApiKeyIssued', data: { id, tenant, role, name, keyHash } }];
    }
    case 'RevokeApiKey':
      if (state.status === 'none')
        throw new NotFoundError('API_KEY_NOT_FOUND', `no API key has id "${command.id}"`, { id: command.id });
      if (state.status === 'revoked') return [];
      return [{ type: 'ApiKeyRevoked', data: { id: command.id, reason: command.reason ?? null } }];
  }
}

export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued':
      return { status: 'active', issued: event.data };
    case 'ApiKeyRevoked':
      return { ...state, status: 'revoked' };
  }
}
