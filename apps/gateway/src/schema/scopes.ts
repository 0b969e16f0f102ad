import type { AuthScopeMap } from "@pothos/plugin-scope-auth";
import type { builder } from "../builder.js";

type Scopes = AuthScopeMap<(typeof builder)["$inferSchemaTypes"]>;

/** Anyone with a token for this region: its staff, its authorities and funders that fund it. */
export const regionMember = (region: string): Scopes => ({
  $any: { staffOf: region, authorityIn: region, funderOf: region },
});

/** The region's own staff (REGION_ADMIN, ADVISER). */
export const regionStaff = (region: string): Scopes => ({ staffOf: region });

/** Staff, or an AUTHORITY token of the region (narrowed further by the resolver). */
export const staffOrAuthority = (region: string): Scopes => ({
  $any: { staffOf: region, authorityIn: region },
});
