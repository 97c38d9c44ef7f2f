import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLClient, type Variables } from 'graphql-request';

/**
 * The API the site is built from; `pnpm hub site` and `pnpm start` set it. Requests are
 * anonymous on purpose (no token, ever): the site can show only what the public may see.
 * Every query is a typed document generated from the contract (src/gql/, `pnpm codegen`).
 */
export const API_URL = process.env.HUB_API_URL ?? 'http://127.0.0.1:4000/graphql';

export const api = new GraphQLClient(API_URL);

/** Requests made by this build (the build prints it: bulk pages, not one request per page). */
export const requestLog = { count: 0 };

export async function request<T, V extends Variables>(document: TypedDocumentNode<T, V>, variables?: V): Promise<T> {
  requestLog.count++;
  for (let attempt = 1; ; attempt++) {
    try {
      // typed by our signature; graphql-request's own conditional typing of `variables` cannot
      // be met by a generic V, so it is given the plain Variables
      return await api.request<T>({ document: document as TypedDocumentNode<T, Variables>, variables });
    } catch (error) {
      // tried again, since every request is a read: a connection lost before any answer (undici's
      // "fetch failed": a kept-alive socket the server closed as it was reused), and the API's
      // statement timeout ("The database did not answer in time; try again in a moment"), both seen
      // building the province sample on a loaded machine. Any other error is not.
      const message = (error as Error).message;
      const transient =
        (error instanceof TypeError && message === 'fetch failed') || message.startsWith('The database did not answer in time');
      if (attempt < 3 && transient) {
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        continue;
      }
      throw new Error(`The site build could not read the API at ${API_URL}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }
}

interface Page<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every node of a connection, 100 at a time (the API's largest page). `document` takes
 * `$after`; `connection` picks the connection out of its answer.
 */
export async function all<T, V extends { after?: string | null }, N>(
  document: TypedDocumentNode<T, V>,
  connection: (data: T) => Page<N>,
  variables: Omit<V, 'after'>,
): Promise<N[]> {
  const out: N[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<N> = connection(await request(document, { ...variables, after } as V));
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}
