// Redaction: removes secrets (client secret, access tokens, Basic credentials) from any text the client produces.

/** The placeholder that replaces a secret wherever it would have appeared. */
export const REDACTED = '[redacted]';

/** A set of secret strings, shared by a client, that every error message and log line is scrubbed of. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret (ignored when empty or too short to be a secret rather than a common word). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  /** The text with every registered secret, and anything that looks like a bearer or Basic credential, replaced. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return redactCredentialPatterns(out);
  }
}

/** Replaces `Bearer xxx` / `Basic xxx` credentials and `access_token` values that may appear in server text. */
export function redactCredentialPatterns(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`)
    .replace(/("?(?:access_token|client_secret|refresh_token)"?\s*[:=]\s*"?)[^"&\s,}]+/gi, `$1${REDACTED}`);
}
