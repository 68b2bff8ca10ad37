/**
 * Every route of the running app, read from the controllers' metadata: a route added later is
 * in every test built on this list by itself (the access matrix, the security probe).
 */
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { POLICY_KEY } from '../../apps/api/src/auth/policy.decorator';
import type { TestApp } from './test-app';

export interface Route {
  method: string;
  path: string;
  params: string[];
  policy: unknown;
  handler: string;
}

export function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (own === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
        const policy = Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, type);
        for (const base of bases) {
          for (const tail of ([] as string[]).concat(own)) {
            const path = `/${[base, tail]
              .map((p) => p.replace(/^\/+|\/+$/g, ''))
              .filter(Boolean)
              .join('/')}`;
            routes.push({
              method,
              path,
              params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!),
              policy,
              handler: `${type.name}.${name}`,
            });
          }
        }
      }
    }
  }
  return routes;
}
