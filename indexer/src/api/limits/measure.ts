/**
 * Measures a GraphQL query on its syntax tree (the `graphql` package's parser, the one Ponder runs):
 * depth, aliases, tokens and cost, following fragment spreads and inline fragments, so that nesting or
 * list sizes hidden in fragments count where they are spread. No schema is needed: Ponder's lists are
 * pages (`things(limit: n) { items { … } }`), so an `items` selection is as long as its parent's `limit`.
 */
import { Lexer, Source, TokenKind, parse, type DocumentNode, type SelectionSetNode, type ValueNode } from "graphql";
import { PONDER_DEFAULT_PAGE, PONDER_MAX_PAGE } from "./limits.ts";

/** `page`: the largest `limit` a list asks for (a literal or a given variable), before the API's cap. */
export type QueryCost = { tokens: number; aliases: number; depth: number; cost: number; page: number };

/** Lexical tokens (comments excluded, as the parser counts them); stops counting past `max`. */
export function countTokens(query: string, max = Infinity): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++n > max) break;
  } catch {
    // A lexical error: the GraphQL server explains it; the tokens read so far are what it would read.
  }
  return n;
}

type Variables = Record<string, unknown>;

/** The page size a field asks for: its `limit` (a literal or a variable), default 50, uncapped. */
function askedPage(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, vars: Variables) {
  const arg = args?.find((a) => a.name.value === "limit");
  if (!arg) return PONDER_DEFAULT_PAGE;
  let n: number;
  if (arg.value.kind === "IntValue") n = Number(arg.value.value);
  else if (arg.value.kind === "Variable") {
    const name = arg.value.name.value;
    const v = vars[name];
    // A variable the request does not give may be anything the API serves: assume the most. Null is the default.
    n = !(name in vars)
      ? PONDER_MAX_PAGE
      : v === null
        ? PONDER_DEFAULT_PAGE
        : typeof v === "number"
          ? v
          : PONDER_MAX_PAGE;
  } else n = PONDER_MAX_PAGE;
  return Number.isFinite(n) ? Math.max(n, 0) : PONDER_MAX_PAGE;
}

/**
 * `variables` are the request's; an operation's default values fill the gaps. A document that does not
 * parse costs nothing here: the GraphQL server refuses it without reading anything.
 */
export function measure(query: string, maxTokens = Infinity, variables: Variables = {}): QueryCost {
  const tokens = countTokens(query, maxTokens);
  if (tokens > maxTokens) return { tokens, aliases: 0, depth: 0, cost: 0, page: 0 };
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true });
  } catch {
    return { tokens, aliases: 0, depth: 0, cost: 0, page: 0 };
  }
  const fragments = new Map<string, SelectionSetNode>();
  for (const def of doc.definitions)
    if (def.kind === "FragmentDefinition") fragments.set(def.name.value, def.selectionSet);

  let aliases = 0;
  for (const def of doc.definitions)
    if (def.kind === "OperationDefinition" || def.kind === "FragmentDefinition")
      aliases += countAliases(def.selectionSet);

  let depth = 0;
  let cost = 0;
  let page = 0;
  for (const def of doc.definitions) {
    if (def.kind !== "OperationDefinition") continue;
    const vars: Variables = {};
    for (const v of def.variableDefinitions ?? [])
      if (v.defaultValue?.kind === "IntValue") vars[v.variable.name.value] = Number(v.defaultValue.value);
    Object.assign(vars, variables);
    const walk = new Walk(fragments, vars);
    // Only one operation runs per request; the worst one is what this request may cost.
    depth = Math.max(depth, walk.depth(def.selectionSet, new Set()));
    cost = Math.max(cost, walk.cost(def.selectionSet, 1, new Set()));
    page = Math.max(page, walk.page);
  }
  return { tokens, aliases, depth, cost, page };
}

function countAliases(set: SelectionSetNode): number {
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === "Field" && s.alias) n++;
    if (s.kind !== "FragmentSpread" && s.selectionSet) n += countAliases(s.selectionSet);
  }
  return n;
}

/**
 * Depth and cost of selection sets. A fragment being expanded is skipped when spread again inside itself
 * (a cycle, which GraphQL validation refuses anyway), so the walk always ends; results per fragment are
 * memoised, so a fragment spread many times is walked once.
 */
class Walk {
  private readonly depths = new Map<string, number>();
  private readonly costs = new Map<string, number>();
  /** The largest page asked for by any list walked. */
  page = 0;
  constructor(
    private readonly fragments: Map<string, SelectionSetNode>,
    private readonly vars: Variables,
  ) {}

  /** Levels of braces: a field's selection set is one more; inline fragments and spreads add none of their own. */
  depth(set: SelectionSetNode, open: Set<string>): number {
    let below = 0;
    for (const s of set.selections) {
      if (s.kind === "Field") below = Math.max(below, s.selectionSet ? this.depth(s.selectionSet, open) : 0);
      else if (s.kind === "InlineFragment") below = Math.max(below, this.depth(s.selectionSet, open) - 1);
      else below = Math.max(below, this.viaFragment(s.name.value, open, this.depths, (f) => this.depth(f, open)) - 1);
    }
    return 1 + below;
  }

  /**
   * Fields the query may return: every field counts 1; a field's selection counts once more for each row of
   * its `items` page. `rows` is the page size of the field this set belongs to, applied to its `items`.
   */
  cost(set: SelectionSetNode, rows: number, open: Set<string>): number {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === "Field") {
        if (!s.selectionSet) total += 1;
        else if (s.name.value === "items") total += 1 + rows * this.cost(s.selectionSet, PONDER_DEFAULT_PAGE, open);
        else {
          const asked = askedPage(s.arguments, this.vars);
          this.page = Math.max(this.page, asked);
          total += 1 + this.cost(s.selectionSet, Math.min(asked, PONDER_MAX_PAGE), open);
        }
      } else if (s.kind === "InlineFragment") total += this.cost(s.selectionSet, rows, open);
      else {
        const key = `${s.name.value}@${rows}`;
        total += this.viaFragment(s.name.value, open, this.costs, (f) => this.cost(f, rows, open), key);
      }
    }
    return total;
  }

  private viaFragment(
    name: string,
    open: Set<string>,
    memo: Map<string, number>,
    of: (set: SelectionSetNode) => number,
    key = name,
  ): number {
    const set = this.fragments.get(name);
    if (!set || open.has(name)) return 0;
    const known = memo.get(key);
    if (known !== undefined) return known;
    open.add(name);
    const value = of(set);
    open.delete(name);
    memo.set(key, value);
    return value;
  }
}
