import { freePort } from '@hub/db';
import { startApiServer, type ApiServer, type ApiServerOptions } from '@hub/api';

export interface TestApi {
  url: string;
  /** SQL statements the API has run so far (N+1 guard) */
  statements(): number;
  /** POSTs a GraphQL request over real HTTP */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ data?: T; errors?: any; extensions?: any }>;
  stop(): Promise<void>;
}

export async function startTestApi(databaseUrl: string, options?: ApiServerOptions): Promise<TestApi> {
  const server: ApiServer = await startApiServer(databaseUrl, { host: '127.0.0.1', port: await freePort() }, options);
  return {
    url: server.url,
    statements: () => server.sql.statements,
    async query(query, variables, headers = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as any;
      // an internal error is always a bug: fail the test that met it, whatever it asserts
      const internal = answer.errors?.find((e: any) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
      if (internal) throw new Error(`The API answered with an internal error at ${JSON.stringify(internal.path)}`);
      return answer;
    },
    async stop() {
      await server.stop();
    },
  };
}
