import { randomBytes } from "crypto";
import { ApiError } from "./errors";
import type { Reply, RequestContext } from "./route";

export interface ListQuery {
  pageSize?: number;
  pageLink?: string;
  name?: string;
  tag?: string[];
  [key: string]: unknown;
}

interface Page {
  query: ListQuery;
  offset: number;
  expires: number;
}

const PAGE_TTL_MS = 10 * 60 * 1000;
export const MAX_PAGE_SIZE = 100;

/** Page links live in memory for ten minutes; an unknown or expired one is 404 PageExpired. */
export class PageStore {
  private readonly pages = new Map<string, Page>();

  save(page: Omit<Page, "expires">): string {
    const now = Date.now();
    for (const [k, v] of this.pages) if (v.expires < now) this.pages.delete(k);
    const token = randomBytes(12).toString("base64url");
    this.pages.set(token, { ...page, expires: now + PAGE_TTL_MS });
    return token;
  }

  load(token: string): Page {
    const page = this.pages.get(token);
    if (!page || page.expires < Date.now())
      throw new ApiError(404, "PageExpired", `page ${token} has expired`);
    return page;
  }
}

interface Listable {
  name?: string;
  tags?: string[];
}

export function matchesNameAndTags(item: Listable, q: ListQuery): boolean {
  if (q.name !== undefined && item.name !== q.name) return false;
  const tags = q.tag ?? [];
  return tags.every((t) => (item.tags ?? []).includes(t));
}

/**
 * Answers a list route: resolves `pageLink` back to the original query, filters by name and tags,
 * cuts one page and links the next one.
 */
export function listReply<T>(
  ctx: RequestContext<unknown, ListQuery, unknown>,
  compute: (q: ListQuery) => T[],
  view: (item: T) => unknown,
): Reply {
  const pages = ctx.p.pages;
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
    body: { items: items.map(view), nextPageLink: link(next), previousPageLink: link(prev) },
  };
}
