import {
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  Kind,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@hub/schema';
import type { BudgetState } from '../http/rate-limit.ts';
import type { HubContext } from './context.ts';

/**
 * Limits that keep one request from taking the API down on the day a batch is published. Each
 * refusal is QUERY_TOO_COMPLEX, HTTP 400, with a message that says what to change.
 *
 * The text limits (characters, tokens) act before the document is parsed; the shape limits
 * (operations, depth, aliases, cost) on the validated document, in one pass whose work grows
 * with the size of the document, never with its expansion: each fragment is measured once and
 * its measure reused wherever it is spread, so a "fragment bomb" costs as little to refuse as
 * it is long to read.
 */
export const LIMITS = {
  /** characters of the query text */
  maxDocumentLength: 20_000,
  /** lexical tokens of the query text (graphql-js `parse(…, { maxTokens })`) */
  maxTokens: 2_000,
  /** operations in one document (only one runs; the others are only parsed and validated) */
  maxOperations: 5,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
} as const;

/** Sizes the cost of a list without paging is priced at: counted in the database (graphql/list-sizes.ts). */
export interface ListSizes {
  /** the number of items `Type.field(args)` returns at most (per parent object), or undefined when unknown */
  size(type: string, field: string, args: Record<string, unknown>): number | undefined;
}

/** A list without paging whose size is unknown is priced as the largest page (a test keeps every list of the schema sized). */
export const UNKNOWN_LIST_SIZE = MAX_PAGE_SIZE;

export const tooComplex = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, ...extra } });

/** What an operation costs and how it is shaped, once its fragments are expanded (but measured once each). */
export interface Measure {
  cost: number;
  depth: number;
  aliases: number;
  /** whether the operation asks for `rateLimit` or `health` (its answer is then never cached) */
  uncached: boolean;
}

/** Root fields whose answer is of this moment or of this client: never cached. */
const UNCACHED_ROOT_FIELDS = new Set(['health', 'rateLimit']);

const ZERO: Measure = { cost: 0, depth: 0, aliases: 0, uncached: false };

const isConnection = (type: GraphQLOutputType) => getNamedType(type).name.endsWith('Connection');

/** A list of objects without paging (not a connection's own `edges` or `nodes`): priced by its size. */
function isUnpagedList(parent: GraphQLCompositeType, name: string, type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return inner instanceof GraphQLList && !(parent.name.endsWith('Connection') && (name === 'edges' || name === 'nodes'));
}

/** Every list of objects without paging a query (not a mutation's answer) may ask for (a test checks each has a size). */
export function unpagedLists(schema: GraphQLSchema): { type: string; field: string; args: string[] }[] {
  const out: { type: string; field: string; args: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (type: GraphQLCompositeType): void => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isAbstractType(type)) {
      for (const possible of schema.getPossibleTypes(type)) visit(possible);
      return;
    }
    for (const def of Object.values(type.getFields())) {
      const named = getNamedType(def.type);
      if (!isCompositeType(named)) continue;
      if (isUnpagedList(type, def.name, def.type)) out.push({ type: type.name, field: def.name, args: def.args.map((a) => a.name) });
      visit(named);
    }
  };
  visit(schema.getQueryType()!);
  return out;
}

/**
 * Measures an operation of a validated document. Fragments are memoised by name: their measure
 * depends only on the request's variables, which are the same wherever they are spread.
 * Validation has already refused fragment cycles, unknown fields and wrong types.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
  sizes?: ListSizes,
): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // variables as execution sees them: given values coerced, defaults of the operation filled in
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  const variables = coerced.coerced ?? {};
  const memo = new Map<string, Measure>();

  const argsOf = (def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> => {
    try {
      // the field's own defaults apply too (e.g. first: 20)
      return getArgumentValues(def, node, variables);
    } catch {
      return {};
    }
  };

  const add = (into: Measure, m: Measure) => {
    into.cost += m.cost;
    into.depth = Math.max(into.depth, m.depth);
    into.aliases += m.aliases;
    into.uncached ||= m.uncached;
  };

  const selectionSet = (set: SelectionSetNode, parent: GraphQLCompositeType): Measure => {
    const out: Measure = { ...ZERO };
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        add(out, isCompositeType(type) ? selectionSet(s.selectionSet, type) : ZERO);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        add(out, fragment(s.name.value));
      } else {
        add(out, field(s, parent));
      }
    }
    return out;
  };

  const fragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    const type = def && schema.getType(def.typeCondition.name.value);
    // a placeholder first: a cycle (refused by validation anyway) cannot recurse
    memo.set(name, ZERO);
    const m = def && isCompositeType(type) ? selectionSet(def.selectionSet, type) : ZERO;
    memo.set(name, m);
    return m;
  };

  const field = (node: FieldNode, parent: GraphQLCompositeType): Measure => {
    const name = node.name.value;
    const alias = node.alias ? 1 : 0;
    if (name.startsWith('__')) return { ...ZERO, aliases: alias };
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const uncached = UNCACHED_ROOT_FIELDS.has(name) && parent === schema.getQueryType();
    if (!def || !node.selectionSet) return { cost: 0, depth: 1, aliases: alias, uncached };
    const type = getNamedType(def.type);
    const inner = isCompositeType(type) ? selectionSet(node.selectionSet, type) : ZERO;
    const args = argsOf(def, node);
    let cost: number;
    if (isConnection(def.type)) {
      // a page: what it contains, times its size
      const page = (args.first as number | undefined) ?? (args.last as number | undefined) ?? DEFAULT_PAGE_SIZE;
      cost = 1 + Math.max(1, page) * inner.cost;
    } else if (isUnpagedList(parent, name, def.type)) {
      // a list without paging: each of its items, at the most the database holds for one parent
      cost = (sizes?.size(parent.name, name, args) ?? UNKNOWN_LIST_SIZE) * (1 + inner.cost);
    } else {
      cost = 1 + inner.cost;
    }
    return { cost, depth: 1 + inner.depth, aliases: alias + inner.aliases, uncached: uncached || inner.uncached };
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return { ...ZERO };
  return selectionSet(operation.selectionSet, root);
}

/** The first limit an operation breaks, as the error to answer with. */
export function limitError(document: DocumentNode, measure: Measure): GraphQLError | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  if (operations > LIMITS.maxOperations) {
    return tooComplex(
      `The document holds ${operations} operations; the limit is ${LIMITS.maxOperations}. Send only the operation you run.`,
    );
  }
  if (measure.depth > LIMITS.maxDepth) {
    return tooComplex(
      `The query is ${measure.depth} levels deep; the limit is ${LIMITS.maxDepth}. Ask for nested objects in a second query.`,
    );
  }
  if (measure.aliases > LIMITS.maxAliases) {
    return tooComplex(
      `The query uses ${measure.aliases} aliases (fragments counted where they are spread); the limit is ${LIMITS.maxAliases}. Split it into several requests.`,
    );
  }
  if (measure.cost > LIMITS.maxCost) {
    return tooComplex(
      `The query would cost ${measure.cost}; the limit is ${LIMITS.maxCost}. Ask for smaller pages (first: …) or fewer nested lists.`,
      { cost: { requested: measure.cost, limit: LIMITS.maxCost } },
    );
  }
  return undefined;
}

/**
 * Apollo plugin: measures the operation on the validated document, spends its cost from the
 * client's budget, then refuses it when it breaks a limit (QUERY_TOO_COMPLEX, HTTP 400) or the
 * budget (RATE_LIMITED, HTTP 429). A refused query still spends 1. Every answer reports its cost
 * in `extensions.cost`.
 */
export function limitsPlugin(sizes?: ListSizes): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      let measured: Measure | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue, overallCachePolicy }) {
          if (!operation) return;
          measured = measureOperation(schema, document, operation, request.variables ?? {}, sizes);
          const refused = limitError(document, measured);
          const cost = refused ? 1 : Math.max(1, measured.cost);
          const budget = contextValue.budget;
          if (budget.client) {
            const { ok, state } = await budget.budgets.spend(budget.client, cost);
            budget.state = state;
            if (!ok) throw rateLimited(state);
          } else {
            budget.state = { ...budget.state, cost };
          }
          if (refused) throw refused;
          // the budget is the client's own, the health of the database is now's: never from a cache
          if (measured.uncached) overallCachePolicy.restrict({ maxAge: 0 });
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && measured) {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: { requested: measured.cost, limit: LIMITS.maxCost },
            };
          }
        },
      };
    },
  };
}

export function rateLimited(state: BudgetState): GraphQLError {
  const seconds = Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
  return new GraphQLError(
    `This client has spent its budget of ${state.limit.toLocaleString('en')} points a minute (this query costs ${state.cost.toLocaleString('en')}). Try again in ${seconds} s, or ask for smaller pages.`,
    { extensions: { code: 'RATE_LIMITED', http: { status: 429 }, retryAfterSeconds: seconds } },
  );
}
