import { isServiceRole } from "@adviser-hub/domain";
import type { Viewer as ViewerValue } from "../auth/viewer.js";
import { builder } from "../builder.js";

export const RoleEnum = builder.enumType("Role", {
  description: "What a bearer token allows.",
  values: {
    REGION_ADMIN: { description: "Sees everything in its region and may do every mutation there." },
    ADVISER: { description: "Sees everything in its region; requests, books, records deliveries and outcomes." },
    AUTHORITY: { description: "Sees its own area's engagements, quota and statements, and region aggregates; requests for its area." },
    FUNDER: { description: "Sees aggregate reports of the regions it funds; never notes or single engagements." },
    SERVICE_ADMIN: {
      description: "Operates the hub for several regions: creates regions, sets their policy, reads their audit log; tied to no one region.",
    },
  },
});

/** The viewer is always answerable, even without a token, so clients can tell why they see nothing. */
const Viewer = builder.objectRef<{ readonly token: ViewerValue | null }>("Viewer").implement({
  description: "Who the bearer token says is asking. All fields are null without a token.",
  fields: (t) => ({
    signedIn: t.boolean({ description: "True when a valid bearer token was sent.", resolve: ({ token }) => token !== null }),
    role: t.field({ type: RoleEnum, nullable: true, description: "The token's role.", resolve: ({ token }) => token?.role ?? null }),
    region: t.string({
      nullable: true,
      description: "The region code the token is for; null for a SERVICE_ADMIN token, which is tied to no one region.",
      resolve: ({ token }) => (token && !isServiceRole(token.role) ? token.region : null),
    }),
    authority: t.string({
      nullable: true,
      description: "For AUTHORITY tokens, the GSS code of the authority.",
      resolve: ({ token }) => token?.authority ?? null,
    }),
    funder: t.string({ nullable: true, description: "For FUNDER tokens, the funder's id.", resolve: ({ token }) => token?.funder ?? null }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: Viewer,
    description: "Who is asking, as read from the bearer token.",
    resolve: (_root, _args, context) => ({ token: context.viewer }),
  }),
);
