export { AuthConfigurationError, authSecret, MissingSecretError } from "./auth/secret.js";
export {
  createTokenVerifier,
  type IdentityProvider,
  identityProvider,
  InvalidTokenError,
  maxTokenLifetimeSeconds,
  signToken,
  type TokenVerifier,
  verifyToken,
} from "./auth/token.js";
export { type Role, roles, type Viewer } from "./auth/viewer.js";
export { createContext, type GatewayContext, type ReadAhead } from "./context.js";
export { limits } from "./limits/index.js";
export { printSchemaText } from "./print-schema.js";
export { schema } from "./schema/index.js";
export { createGateway, type Gateway, type GatewayOptions } from "./yoga.js";
