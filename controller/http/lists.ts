import { ApiError } from "./errors";
import { withSelfLink } from "./links";
import { MAX_PAGE_SIZE, type ListQuery, type PageStore } from "./pages";

export type { ListQuery } from "./pages";
import type { Reply } from "./route";

interface Listable {
  name?: string;
  tags?: string[];
}

/** What a list needs of its request: the query, the path (for page links) and the page store. */
export interface ListContext {
  query: ListQuery;
  path: string;
  pages: PageStore;
  /** Scheme, host and port the caller used, for the items' selfLinks. */
  baseUrl: string;
}

export function matchesNameAndTags(item: Listable, q: ListQuery): boolean {
  if (q.name !== undefined && item.name !== q.name) return false;
  const tags = q.tag ?? [];
  return tags.every((t) => (item.tags ?? []).includes(t));
}

/**
 * Answers a list route: resolves `pageLink` back to the original query, filters by name and tags,
 * cuts one page and links the next one. `collection` (`/v1/vms`) gives every item its selfLink.
 */
export function listReply<T>(
  ctx: ListContext,
  compute: (q: ListQuery) => T[],
  view: (item: T) => unknown,
  collection?: string,
): Reply {
  const pages = ctx.pages;
  const start = ctx.query.pageLink ? pages.load(ctx.query.pageLink) : { query: ctx.query, offset: 0 };
  const q = start.query;
  const pageSize = q.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ApiError(
      400,
      "InvalidPageSize",
      `pageSize must be between 1 and ${MAX_PAGE_SIZE} (was ${pageSize})`,
    );
  }
  const all = compute(q).filter((item) => matchesNameAndTags(item as Listable, q));
  const items = all.slice(start.offset, start.offset + pageSize);
  const nextOffset = start.offset + pageSize;
  const next = nextOffset < all.length ? pages.save({ query: q, offset: nextOffset }) : undefined;
  const prevOffset = start.offset - pageSize;
  const prev = start.offset > 0 ? pages.save({ query: q, offset: Math.max(0, prevOffset) }) : undefined;
  const link = (token: string | undefined) => (token ? `${ctx.path}?pageLink=${token}` : null);
  return {
    status: 200,
    body: {
      items: items.map((item) =>
        collection ? withSelfLink(view(item), ctx.baseUrl, collection) : view(item),
      ),
      nextPageLink: link(next),
      previousPageLink: link(prev),
    },
  };
}
