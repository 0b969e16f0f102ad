export { authSecret, MissingSecretError } from "./auth/secret.js";
export { InvalidTokenError, signToken, verifyToken } from "./auth/token.js";
export { type Role, roles, type Viewer } from "./auth/viewer.js";
export { createContext, type GatewayContext, type ReadAhead } from "./context.js";
export { limits } from "./limits/index.js";
export { printSchemaText } from "./print-schema.js";
export { schema } from "./schema/index.js";
export { createGateway, type Gateway, type GatewayOptions } from "./yoga.js";
