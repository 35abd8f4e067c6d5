import { Module } from '@nestjs/common';
import { ApiKeysResolver } from './api-keys.resolver.js';

/** `me`, `apiKeys`, `issueApiKey`, `revokeApiKey`. */
@Module({ providers: [ApiKeysResolver] })
export class ApiKeysModule {}
