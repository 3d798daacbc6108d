// Access tokens the emulator issued: opaque random strings, each with its client and expiry (kept in memory only).
import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  clientId: string;
  /** Epoch ms. */
  expiresAt: number;
  issuedAt: number;
}

/** Tokens by value; a restart forgets them all, as a real token store would not, so clients must re-authenticate. */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  issue(clientId: string, ttlSeconds: number, now: number): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { clientId, issuedAt: now, expiresAt: now + ttlSeconds * 1000 });
    if (this.#tokens.size > 10_000) this.#sweep(now);
    return { token, expiresIn: ttlSeconds };
  }

  /** The token's record if it is known and not expired. */
  verify(token: string, now: number): IssuedToken | undefined {
    const issued = this.#tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= now) {
      this.#tokens.delete(token);
      return undefined;
    }
    return issued;
  }

  revoke(token: string): void {
    this.#tokens.delete(token);
  }

  #sweep(now: number): void {
    for (const [token, issued] of this.#tokens) if (issued.expiresAt <= now) this.#tokens.delete(token);
  }
}
