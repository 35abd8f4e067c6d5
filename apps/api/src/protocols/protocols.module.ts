import { Module } from '@nestjs/common';
import { ListProtocolsResolver } from './list-protocols/list-protocols.resolver.js';
import { ValidateModulePathResolver } from './validate-module-path/validate-module-path.resolver.js';

/** The protocols in force, and the module-path check (WSP 3 layout) as a recorded decision. */
@Module({ providers: [ListProtocolsResolver, ValidateModulePathResolver] })
export class ProtocolsModule {}
