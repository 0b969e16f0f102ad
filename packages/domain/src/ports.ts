/*
 * What the rules need from the outside world, named here and implemented elsewhere
 * (persistence implements the repositories; the gateway wires a clock). Every method is
 * scoped by region: a region is the tenant and the shard key.
 */
import type { Adviser, Leave } from "./adviser.js";
import type { BenchmarkInput, BenchmarkMeasure, StatisticalNeighbours } from "./benchmark.js";
import type { Booking } from "./booking.js";
import type { Delivery } from "./delivery.js";
import type { Engagement } from "./engagement.js";
import type { FunderContribution, Funder, ProgrammeYear } from "./funder.js";
import type { HostArrangement } from "./host-arrangement.js";
import type { EngagementTransition } from "./lifecycle.js";
import type { Authority, NegotiatedRate, Organisation } from "./organisation.js";
import type { OutcomeIndicator, OutcomeMeasurement } from "./outcome.js";
import type { EpochMs, PlainDate } from "./plain-date.js";
import type { QuotaDelivery } from "./quota.js";
import type { RegionPolicy } from "./region-policy.js";
import type { Statement } from "./statement.js";

/** The time, passed in: the domain never reads a clock itself. */
export interface Clock {
  now(): EpochMs;
}

/** A clock that always says `at` (tests, replays). */
export function fixedClock(at: EpochMs): Clock {
  return { now: () => at };
}

export interface RegionPolicyRepository {
  getPolicy(regionCode: string): Promise<RegionPolicy | null>;
}

export interface AuthorityRepository {
  listAuthorities(regionCode: string): Promise<readonly Authority[]>;
  getAuthority(regionCode: string, id: string): Promise<Authority | null>;
}

export interface OrganisationRepository {
  getOrganisation(regionCode: string, id: string): Promise<Organisation | null>;
  listOrganisations(regionCode: string): Promise<readonly Organisation[]>;
  negotiatedRates(regionCode: string, year: number): Promise<readonly NegotiatedRate[]>;
}

export interface AdviserRepository {
  getAdviser(regionCode: string, id: string): Promise<Adviser | null>;
  listAdvisers(regionCode: string): Promise<readonly Adviser[]>;
  leaveBetween(regionCode: string, adviserId: string, from: PlainDate, to: PlainDate): Promise<readonly Leave[]>;
}

export interface HostArrangementRepository {
  arrangementsForAdviser(regionCode: string, adviserId: string): Promise<readonly HostArrangement[]>;
  arrangementsForAuthority(regionCode: string, authorityId: string): Promise<readonly HostArrangement[]>;
  insertArrangement(arrangement: HostArrangement): Promise<void>;
}

export interface EngagementRepository {
  getEngagement(regionCode: string, id: string): Promise<Engagement | null>;
  insertEngagement(engagement: Engagement): Promise<void>;
  /** Applies a transition that the domain allowed, keeping who and when. */
  recordTransition(regionCode: string, engagementId: string, transition: EngagementTransition): Promise<void>;
  transitions(regionCode: string, engagementId: string): Promise<readonly EngagementTransition[]>;
}

export interface BookingRepository {
  /** Implementations lock the adviser-week so concurrent confirmations cannot both fit. */
  bookingsForAdviserWeek(regionCode: string, adviserId: string, weekStart: PlainDate): Promise<readonly Booking[]>;
  insertBooking(booking: Booking): Promise<void>;
}

export interface DeliveryRepository {
  getDelivery(regionCode: string, id: string): Promise<Delivery | null>;
  /** Inserts and returns the stored delivery with its recordedSeq. */
  insertDelivery(delivery: Omit<Delivery, "recordedSeq">): Promise<Delivery>;
  updateDelivery(delivery: Delivery): Promise<void>;
  removeDelivery(regionCode: string, id: string): Promise<void>;
  deliveriesForEngagement(regionCode: string, engagementId: string): Promise<readonly Delivery[]>;
  /** Everything allocation needs for one quota holder and year, in (date, recordedSeq) order. */
  quotaDeliveriesForHolder(regionCode: string, holderId: string, year: number): Promise<readonly QuotaDelivery[]>;
}

export interface StatementRepository {
  issuedStatements(regionCode: string, organisationId: string): Promise<readonly Statement[]>;
  /** Issued statements are inserted once and never updated. */
  insertStatement(statement: Statement): Promise<void>;
}

export interface OutcomeRepository {
  indicatorsForEngagement(regionCode: string, engagementId: string): Promise<readonly OutcomeIndicator[]>;
  measurements(regionCode: string, indicatorId: string): Promise<readonly OutcomeMeasurement[]>;
  insertMeasurement(measurement: OutcomeMeasurement): Promise<void>;
}

export interface FundingRepository {
  funders(regionCode: string): Promise<readonly Funder[]>;
  contributions(regionCode: string, year: number): Promise<readonly FunderContribution[]>;
  programmeYear(regionCode: string, year: number): Promise<ProgrammeYear | null>;
}

export interface BenchmarkRepository {
  inputs(regionCode: string, year: number, measure: BenchmarkMeasure): Promise<readonly BenchmarkInput[]>;
  neighbours(regionCode: string, authorityId: string): Promise<StatisticalNeighbours | null>;
}
