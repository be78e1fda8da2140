import { createHmac, randomBytes, scryptSync, timingSafeEqual } from "crypto";

export type TokenType = "access" | "refresh" | "id";

interface Claims {
  sub: string;
  /** The subject's token generation at issue time (User.tokenGeneration). */
  gen: string;
  typ: TokenType;
  iat: number;
  exp: number;
  jti: string;
}

/** Who a token is for: a name, and the generation of that name's identity and rights. */
export interface Subject {
  username: string;
  generation: string;
}

export type VerifyResult =
  ({ ok: true } & Subject) | { ok: false; code: "InvalidAuthToken" | "ExpiredAuthToken" };

const REFRESH_TTL_SECONDS = 30 * 24 * 3600;
/** Verified tokens remembered (a client reuses its token for every call); the map is emptied when full. */
const VERIFIED_CACHE_SIZE = 1024;

function b64(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/** HS256 JSON web tokens signed with a secret kept in the store, so tokens survive a restart. */
export class TokenService {
  /**
   * The claims of tokens whose signature was checked, by token text: an HMAC and a JSON parse were the
   * largest part of an authenticated read's own time (profile of `npm run bench:controller`). Only the
   * signature check is skipped; expiry is checked on every call and revocation (the generation) by the
   * caller, against the store.
   */
  private readonly verified = new Map<string, Claims>();
  /** derivedGeneration's answers: the admin's generation is asked for on every request. */
  private readonly generations = new Map<string, string>();

  constructor(
    private readonly secret: Buffer,
    private readonly accessTtlSeconds: number,
  ) {}

  issue(subject: Subject, typ: TokenType): string {
    const now = Math.floor(Date.now() / 1000);
    const ttl = typ === "refresh" ? REFRESH_TTL_SECONDS : this.accessTtlSeconds;
    const claims: Claims = {
      sub: subject.username,
      gen: subject.generation,
      typ,
      iat: now,
      exp: now + ttl,
      jti: randomBytes(8).toString("hex"),
    };
    const head = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
    return `${head}.${this.sign(head)}`;
  }

  get ttlSeconds(): number {
    return this.accessTtlSeconds;
  }

  verify(token: string, typ: TokenType): VerifyResult {
    const claims = this.verified.get(token) ?? this.checkSignature(token);
    if (!claims || claims.typ !== typ) return invalid();
    if (claims.exp * 1000 <= Date.now()) return { ok: false, code: "ExpiredAuthToken" };
    return { ok: true, username: claims.sub, generation: claims.gen };
  }

  /** The claims of a token signed with this service's secret (remembered), else undefined. */
  private checkSignature(token: string): Claims | undefined {
    const parts = token.split(".");
    const [head, body, sig] = parts;
    if (parts.length !== 3 || head === undefined || body === undefined || sig === undefined) return undefined;
    const expected = Buffer.from(this.sign(`${head}.${body}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = parseClaims(body);
    if (!claims) return undefined;
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }

  /**
   * A generation derived from secret material (the configured admin's password), so changing it revokes
   * the tokens issued before, without the material itself appearing in a token.
   */
  derivedGeneration(material: string): string {
    let generation = this.generations.get(material);
    if (generation === undefined) {
      generation = createHmac("sha256", this.secret)
        .update(`generation:${material}`)
        .digest("hex")
        .slice(0, 16);
      if (this.generations.size >= VERIFIED_CACHE_SIZE) this.generations.clear();
      this.generations.set(material, generation);
    }
    return generation;
  }

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url");
  }
}

function invalid(): VerifyResult {
  return { ok: false, code: "InvalidAuthToken" };
}

function parseClaims(body: string): Claims | undefined {
  try {
    const c = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<Claims>;
    if (typeof c.sub !== "string" || typeof c.gen !== "string") return undefined;
    if (typeof c.exp !== "number" || typeof c.typ !== "string") return undefined;
    return c as Claims;
  } catch {
    return undefined;
  }
}

export function newGeneration(): string {
  return randomBytes(8).toString("hex");
}

/** scrypt with a per-password salt; cost kept low because tests log in often. */
export function hashPassword(password: string, salt = randomBytes(16).toString("hex")): string {
  return `${salt}:${scryptSync(password, salt, 32, { N: 1024 }).toString("hex")}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(":");
  if (salt === undefined || hash === undefined) return false;
  const again = hashPassword(password, salt).split(":")[1] ?? "";
  return again.length === hash.length && timingSafeEqual(Buffer.from(again), Buffer.from(hash));
}
