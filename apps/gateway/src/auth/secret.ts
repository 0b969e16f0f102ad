/**
 * Local development and tests sign with a fixed, public secret so that `pnpm token` and
 * `pnpm start` agree without setup. Every other environment (staging, production, anything
 * not named local) must bring its own: a public secret would let anyone mint any role.
 */
export const developmentSecret = "adviser-hub-development-secret-do-not-use-in-production";

/** A shorter HS256 key can be brute-forced offline from one captured token. */
export const minimumSecretLength = 32;

/** The gateway refuses to start: the message names the environment variable at fault. */
export class AuthConfigurationError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable} ${reason}`);
    this.name = "AuthConfigurationError";
  }
}

export class MissingSecretError extends AuthConfigurationError {
  constructor(reason: string) {
    super("AUTH_SECRET", reason);
    this.name = "MissingSecretError";
  }
}

/**
 * Only a machine with no NODE_ENV, `development`, or the test runner's `test` is local; the
 * fallback to the public secret is decided here and nowhere else.
 */
export const isLocalEnvironment = (env: NodeJS.ProcessEnv): boolean =>
  env.NODE_ENV === undefined || env.NODE_ENV === "" || env.NODE_ENV === "development" || env.NODE_ENV === "test";

export function authSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const configured = env.AUTH_SECRET;
  if (!isLocalEnvironment(env)) {
    const where = `when NODE_ENV=${env.NODE_ENV}`;
    if (!configured) throw new MissingSecretError(`must be set (at least ${minimumSecretLength} characters) ${where}`);
    if (configured === developmentSecret) throw new MissingSecretError(`must not be the public development secret ${where}`);
    if (configured.length < minimumSecretLength) {
      throw new MissingSecretError(`is too weak: at least ${minimumSecretLength} characters are required ${where}`);
    }
  }
  return new TextEncoder().encode(configured && configured.length > 0 ? configured : developmentSecret);
}
