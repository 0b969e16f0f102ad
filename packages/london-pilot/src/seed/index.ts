export { LONDON, SEED_AS_OF, londonPilotData } from "./london-pilot-data.js";
export { type SeedSummary, seedLondonPilot } from "./seed-london-pilot.js";
export { type LondonAuthority, londonAuthorities } from "./london-authorities.js";
