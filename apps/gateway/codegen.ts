import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Types for a front end's operations, read from a running gateway (introspection is on
 * outside production): `pnpm --filter @adviser-hub/gateway codegen` with the gateway started
 * (`pnpm start`), or GATEWAY_URL for another one. The scalars are exact strings, never floats
 * or Date objects. src/codegen.test.ts runs this file against a gateway it starts.
 */
export const gatewayUrl = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";

// JSON (audit values) is any JSON; File (uploads) is the platform's File, input only.
export const scalars = { Date: "string", DateTime: "string", Days: "string", JSON: "unknown", File: "File" } as const;

const config: CodegenConfig = {
  schema: gatewayUrl,
  documents: ["operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars, strictScalars: true },
    },
  },
};

export default config;
