/** Registers Kenning's Cognee-compatible REST API under /api/v1. */
import type { FastifyInstance } from 'fastify';

import { registerAuthRoutes } from './auth';
import type { HostContext } from '../context';
import { registerDatasetRoutes } from './datasets';
import { registerPermissionRoutes } from './permissions';
import { registerPipelineRoutes } from './pipeline';
import { registerSearchRoutes } from './search';
import { registerVisualizeRoute } from './visualize';

export function registerApiV1(app: FastifyInstance, ctx: HostContext): void {
  registerAuthRoutes(app, ctx);
  registerDatasetRoutes(app, ctx);
  registerPermissionRoutes(app, ctx);
  registerPipelineRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerVisualizeRoute(app, ctx);
}
