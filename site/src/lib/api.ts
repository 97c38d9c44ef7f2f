import { GraphQLClient } from 'graphql-request';

/** The API the site is built from; `pnpm hub site` and `pnpm start` set it. */
export const API_URL = process.env.HUB_API_URL ?? 'http://127.0.0.1:4000/graphql';

export const api = new GraphQLClient(API_URL);

export interface Summary {
  dataAsOf: string | null;
  containsSampleData: boolean;
  publishedBatches: number;
  enterprises: number;
  certifiedItems: number;
  spotChecks: number;
  failedSpotChecks: number;
  revocations: number;
  consumerWarnings: number;
}

export async function fetchSummary(): Promise<Summary> {
  const data = await api.request<{ summary: Summary }>(`{
    summary {
      dataAsOf containsSampleData publishedBatches enterprises certifiedItems
      spotChecks failedSpotChecks revocations consumerWarnings
    }
  }`);
  return data.summary;
}
