import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed from the gateway's committed, printed schema (the public contract) and this app's own
// operations; src/graphql/codegen-drift.test.ts regenerates in memory and compares.
const config: CodegenConfig = {
  schema: "../gateway/schema.graphql",
  documents: ["src/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/graphql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: false,
        // Exact decimals and calendar dates travel as strings; never floats or Date objects.
        scalars: { Date: "string", DateTime: "string", Days: "string" },
      },
    },
  },
};

export default config;
