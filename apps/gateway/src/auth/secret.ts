/**
 * Local development and tests sign with a fixed, public secret so that `pnpm token` and
 * `pnpm start` agree without setup. Production must bring its own.
 */
const developmentSecret = "adviser-hub-development-secret-do-not-use-in-production";

export class MissingSecretError extends Error {
  constructor() {
    super("AUTH_SECRET must be set (at least 32 characters) when NODE_ENV=production");
    this.name = "MissingSecretError";
  }
}

export function authSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const configured = env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && (!configured || configured.length < 32)) {
    throw new MissingSecretError();
  }
  return new TextEncoder().encode(configured && configured.length > 0 ? configured : developmentSecret);
}
