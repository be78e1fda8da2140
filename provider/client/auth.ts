import { CLIENT_CODES, PhotonError } from "./errors";
import { type TokenAnswer } from "./types";

/** Renews a little before the server's expiry so a long wait never starts with a dying token. */
const EARLY_RENEWAL_MS = 60_000;

export type TokenRequest = (form: Record<string, string>) => Promise<TokenAnswer>;

export const TOKEN_SCOPE = "openid offline_access rs_photon_platform at_groups";

/**
 * Owns the access token: a static one, or one obtained with the password grant and renewed with the
 * refresh grant (falling back to the password grant) before it expires or when the server says so.
 */
export class TokenSource {
  private access?: string;
  private refresh?: string;
  private expiresAt = 0;
  private pending?: Promise<string>;

  constructor(
    private readonly settings: {
      readonly token?: string;
      readonly username?: string;
      readonly password?: string;
    },
    private readonly requestToken: TokenRequest,
    private readonly now: () => number = Date.now,
  ) {
    this.access = settings.token;
  }

  /** Whether this source can get a new token on its own (a static token cannot). */
  get renewable(): boolean {
    return this.settings.username !== undefined && this.settings.password !== undefined;
  }

  /** The token to send, or undefined when the provider is configured without credentials. */
  async current(): Promise<string | undefined> {
    if (!this.renewable) return this.access;
    if (this.access && this.now() < this.expiresAt - EARLY_RENEWAL_MS) return this.access;
    return this.renew();
  }

  /** Gets a fresh token; concurrent callers share one token request. */
  renew(): Promise<string> {
    if (!this.renewable) {
      return Promise.reject(
        new PhotonError({
          code: CLIENT_CODES.config,
          message: "the static photon:token was refused and cannot be renewed",
        }),
      );
    }
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetch(): Promise<string> {
    let answer: TokenAnswer | undefined;
    if (this.refresh) {
      answer = await this.requestToken({ grant_type: "refresh_token", refresh_token: this.refresh }).catch(
        () => undefined,
      );
    }
    answer ??= await this.requestToken({
      grant_type: "password",
      username: this.settings.username ?? "",
      password: this.settings.password ?? "",
      scope: TOKEN_SCOPE,
    });
    this.access = answer.access_token;
    this.refresh = answer.refresh_token ?? this.refresh;
    this.expiresAt = this.now() + (answer.expires_in ?? 7200) * 1000;
    return answer.access_token;
  }

  /** Values that must never appear in an error or a log. */
  secrets(): string[] {
    return [this.settings.token, this.settings.password, this.access, this.refresh].filter(
      (s): s is string => typeof s === "string" && s.length > 0,
    );
  }
}
