/** Registers Kenning's Cognee-compatible REST API under /api/v1. */
import type { FastifyInstance } from 'fastify';

import { registerActivityRoutes } from './activity';
import { registerAuthRoutes } from './auth';
import { registerConfigurationRoutes } from './configuration';
import type { HostContext } from '../context';
import { registerDatasetExtraRoutes } from './dataset-extras';
import { registerDatasetRoutes } from './datasets';
import { registerMemifyRoutes } from './memify';
import { registerOntologyRoutes } from './ontologies';
import { registerPermissionRoutes } from './permissions';
import { registerPipelineRoutes } from './pipeline';
import { registerRecallRoutes } from './recall';
import { registerRememberRoutes } from './remember';
import { registerSchemaRoutes } from './schema';
import { registerSearchRoutes } from './search';
import { registerSessionRoutes } from './sessions';
import { registerVisualizeRoute } from './visualize';

export function registerApiV1(app: FastifyInstance, ctx: HostContext): void {
  registerAuthRoutes(app, ctx);
  registerDatasetRoutes(app, ctx);
  registerDatasetExtraRoutes(app, ctx);
  registerPermissionRoutes(app, ctx);
  registerPipelineRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerRecallRoutes(app, ctx);
  registerRememberRoutes(app, ctx);
  registerMemifyRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerActivityRoutes(app, ctx);
  registerConfigurationRoutes(app, ctx);
  registerOntologyRoutes(app, ctx);
  registerSchemaRoutes(app, ctx);
  registerVisualizeRoute(app, ctx);
}
