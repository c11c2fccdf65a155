import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { AppError } from '../core/errors.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { registerModules } from './modules.ts';
import { handleError } from './error-handler.ts';
import { installGuards } from './guards.ts';
import { loggerOptions } from './logging.ts';
import './request-context.ts';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  version: string;
  /** Overrides for tests (e.g. a logger stream to inspect what is logged). */
  logger?: FastifyServerOptions['logger'];
  /**
   * Queues a background job; absent when jobs do not run (`JOBS=off`, tests), and the request
   * is then left for a worker to pick up or a test to run.
   */
  jobs?: { send(name: string, data: object): Promise<string | null> };
}

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDependencies;
  }
}

export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(deps.config),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    // Node's own request timeout protects against slow clients; keep-alive stays short.
    requestTimeout: 30_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async () => {
    throw new AppError('not_found');
  });

  // No proxy compresses in front of the embedded deployment, and the public site must stay light
  // on a cheap phone's connection. Brotli at quality 4 keeps per-request cost low.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.environment === 'production' ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.environment === 'production',
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  installGuards(app);
  await registerModules(app);
  return app;
}
