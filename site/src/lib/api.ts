import { GraphQLClient } from 'graphql-request';

/**
 * The API the site is built from; `pnpm hub site` and `pnpm start` set it. Requests are
 * anonymous on purpose (no token, ever): the site can show only what the public may see.
 */
export const API_URL = process.env.HUB_API_URL ?? 'http://127.0.0.1:4000/graphql';

export const api = new GraphQLClient(API_URL);

/** Requests made by this build (the build prints it: bulk pages, not one request per page). */
export const requestLog = { count: 0 };

export async function request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  requestLog.count++;
  try {
    return await api.request<T>(query, variables);
  } catch (error) {
    throw new Error(`The site build could not read the API at ${API_URL}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every node of a connection, 100 at a time (the API's largest page). `query` takes `$after`
 * and has the connection at `field` of its data.
 */
export async function all<T>(query: string, field: string, variables: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, Page<T>> = await request(query, { ...variables, after });
    const page = data[field];
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}
