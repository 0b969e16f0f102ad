export { type InnerOuter, type LondonAuthority, type Subregion, londonAuthorities } from "./london-authorities.js";
export { londonPilotPolicy } from "./london-pilot-policy.js";
export { Prng } from "./prng.js";
export { LONDON, LONDON_SEED, type LondonPilotData, SEED_AS_OF, londonPilotData } from "./seed/london-pilot-data.js";
export { type SeedSummary, seedLondonPilot } from "./seed/seed-london-pilot.js";
