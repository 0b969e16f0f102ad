import { parseArgs } from "node:util";
import { authSecret } from "../auth/secret.js";
import { signToken } from "../auth/token.js";
import { isRole, roles } from "../auth/viewer.js";

// Prints only the token on stdout so it can be captured: TOKEN=$(pnpm --silent run token ...).
const usage = `usage: pnpm --silent run token --role ${roles.join("|")} --region CODE [--authority GSS] [--funder ID] [--expires 12h]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      region: { type: "string" },
      authority: { type: "string" },
      funder: { type: "string" },
      expires: { type: "string" },
    },
    strict: true,
  });
  if (!isRole(values.role) || !values.region) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  const token = await signToken(
    {
      role: values.role,
      region: values.region,
      authority: values.authority ?? null,
      funder: values.funder ?? null,
    },
    authSecret(),
    { expiresIn: values.expires ?? "12h" },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
  process.exit(2);
});
