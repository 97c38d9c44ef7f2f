import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '@hub/schema';

/**
 * Limits that keep one request from taking the API down on the day a batch is published:
 * depth, aliases and an estimated cost, each with a message that says what to change.
 */
export const LIMITS = { maxDepth: 12, maxAliases: 30, maxCost: 20_000 } as const;

/** Plain list fields without paging: assumed to return this many. */
const LIST_ESTIMATE = 10;

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
}

function fieldsOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(s.selectionSet, fragments, seen));
    else if (!seen.has(s.name.value)) {
      const f = fragments.get(s.name.value);
      if (f) out.push(...fieldsOf(f.selectionSet, fragments, new Set([...seen, s.name.value])));
    }
  }
  return out;
}

function depth(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): number {
  if (!set) return 0;
  let max = 0;
  for (const field of fieldsOf(set, fragments)) {
    if (field.name.value.startsWith('__')) continue;
    max = Math.max(max, 1 + depth(field.selectionSet, fragments));
  }
  return max;
}

function intArg(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/** Cost: one per field; a connection multiplies what it contains by its page size. */
export function estimateCost(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  if (!set) return 0;
  let cost = 0;
  for (const field of fieldsOf(set, fragments)) {
    if (field.name.value.startsWith('__')) continue;
    const children = estimateCost(field.selectionSet, fragments, variables);
    if (!field.selectionSet) {
      cost += 0; // scalars are free: their parent object was paid for
      continue;
    }
    const page = intArg(field, 'first', variables) ?? intArg(field, 'last', variables);
    const isConnection = fieldsOf(field.selectionSet, fragments).some((f) =>
      ['edges', 'nodes', 'pageInfo', 'totalCount'].includes(f.name.value),
    );
    const many = isConnection
      ? (page ?? DEFAULT_PAGE_SIZE)
      : field.name.value === 'edges' || field.name.value === 'nodes'
        ? 1
        : guessList(field);
    cost += 1 + many * children;
  }
  return cost;
}

const LIST_FIELDS = new Set([
  'nonconformingItems',
  'events',
  'deadlines',
  'spotChecks',
  'certifiedItems',
  'warnings',
  'items',
  'revocations',
  'logoAuthorisations',
  'spotCheckStats',
  'roundFunnels',
  'revocationsPerYear',
  'warningsPerYear',
]);
function guessList(field: FieldNode): number {
  return LIST_FIELDS.has(field.name.value) ? LIST_ESTIMATE : 1;
}

/** Depth and alias counts of an operation: an error for the first limit it breaks. */
function shapeError(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): GraphQLError | undefined {
  const d = depth(operation.selectionSet, fragments);
  if (d > LIMITS.maxDepth) {
    return tooComplex(`The query is ${d} levels deep; the limit is ${LIMITS.maxDepth}. Ask for nested objects in a second query.`);
  }
  let aliases = 0;
  const count = (set: SelectionSetNode) => {
    for (const f of fieldsOf(set, fragments)) {
      if (f.alias) aliases++;
      if (f.selectionSet) count(f.selectionSet);
    }
  };
  count(operation.selectionSet);
  if (aliases > LIMITS.maxAliases) {
    return tooComplex(`The query uses ${aliases} aliases; the limit is ${LIMITS.maxAliases}. Split it into several requests.`);
  }
  return undefined;
}

/**
 * Apollo plugin: refuses operations over the depth, alias or cost limits (code QUERY_TOO_COMPLEX)
 * and reports the estimated cost in `extensions.cost`.
 */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const fragments = fragmentsOf(document);
          const shape = shapeError(operation, fragments);
          if (shape) throw shape;
          cost = estimateCost(operation.selectionSet, fragments, request.variables ?? {});
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(
              `The query would cost ${cost}; the limit is ${LIMITS.maxCost}. Ask for smaller pages (first: …) or fewer nested lists.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', cost: { requested: cost, limit: LIMITS.maxCost } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: { requested: cost, limit: LIMITS.maxCost },
            };
          }
        },
      };
    },
  };
}
