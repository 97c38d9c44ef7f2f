import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createContext, type HubContext } from './graphql/context.ts';
import { hubSchema } from './graphql/schema.ts';

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

/** The GraphQL API at http://host:port/graphql. */
export async function startApiServer(orm: MikroORM, listen: { host: string; port: number }): Promise<ApiServer> {
  const server = new ApolloServer<HubContext>({
    schema: await hubSchema(),
    // a public, documented API: clients and tools may read the schema
    introspection: true,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: listen.host, port: listen.port },
    context: async () => createContext(orm),
  });
  return { url: new URL('/graphql', url).toString(), stop: () => server.stop() };
}
