// Which environment names hold secrets, and masking their values in anything gcflow prints.

/** What a secret value is replaced with in output. */
export const SECRET_MASK = '****';

const SECRET_NAME = /(^|_)(SECRET|TOKEN|PASSWORD)$/i;

/** Names ending in _SECRET, _TOKEN or _PASSWORD (any case) hold secrets. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The same values with every secret-named value replaced by the mask (for printing a resolved flow). */
export function maskedValues(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) out[name] = isSecretName(name) ? SECRET_MASK : value;
  return out;
}

/**
 * Replaces every occurrence of a secret-named value in `text` (as written, and as escaped inside a JSON string)
 * with the mask. Longer values first, so a secret that contains another is masked whole.
 */
export function maskSecrets(text: string, values: Readonly<Record<string, string>>): string {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (!isSecretName(name) || value === '') continue;
    secrets.add(value);
    secrets.add(JSON.stringify(value).slice(1, -1));
  }
  let masked = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) masked = masked.split(secret).join(SECRET_MASK);
  return masked;
}
