import { builder } from "../builder.js";

export const StrandEnum = builder.enumType("Strand", {
  description: "A kind of work the service does; what each costs and whether capacity holds it is region policy.",
  values: {
    RAPID_RESPONSE: { description: "Urgent call-out; free and never refused for capacity." },
    PROJECT_SUPPORT: { description: "Planned project work; in London it consumes the free quota and is charged beyond it." },
    HOST_SUPPORT: { description: "Regular local-priority work owed to a host authority." },
    KNOWLEDGE_HUB: { description: "Shared learning, briefings and resources for the whole region." },
    STRATEGIC: { description: "Region-wide strategic work." },
  },
});

export const EngagementStatusEnum = builder.enumType("EngagementStatus", {
  description: "Where an engagement is in its lifecycle (DOMAIN.md rule 9).",
  values: {
    REQUESTED: { description: "Asked for; not yet decided." },
    ACCEPTED: { description: "Agreed; no delivery yet." },
    WAITLISTED: { description: "Agreed in principle but waiting for capacity." },
    DECLINED: { description: "Refused." },
    WITHDRAWN: { description: "Withdrawn by the requester while waitlisted." },
    ACTIVE: { description: "Work has started (first delivery recorded)." },
    COMPLETED: { description: "Finished." },
    CANCELLED: { description: "Stopped before completion." },
  },
});

export const BookingStatusEnum = builder.enumType("BookingStatus", {
  description: "How firm a booking is.",
  values: {
    TENTATIVE: { description: "Pencilled in; may exceed bookable days and is then flagged." },
    CONFIRMED: { description: "Committed; on capacity-held strands may not exceed bookable days." },
  },
});
