import { GraphQLError } from "graphql";
import { builder, type MoneyValue } from "../builder.js";
import { formatMoney, formatMoneyAmount } from "@adviser-hub/domain";

/** GraphQL Int is 32-bit signed; larger pence values must fail loudly, never wrap. */
const maxGraphQLInt = 2_147_483_647;

/** Pence as a GraphQL Int, or an error naming the amount: never a silently wrapped value. */
export function int32Pence(pence: number): number {
  if (!Number.isSafeInteger(pence) || Math.abs(pence) > maxGraphQLInt) {
    throw new GraphQLError(`${formatMoneyAmount(pence)} does not fit a 32-bit pence value; read Money.amount`, {
      extensions: { code: "MONEY_OUT_OF_RANGE" },
    });
  }
  return pence;
}

/** An amount of money in integer pence. */
export const Money = builder.objectRef<MoneyValue>("Money").implement({
  description: "An amount of money, held as integer pence; never a float.",
  fields: (t) => ({
    pence: t.int({
      description:
        "The amount in pence. A GraphQL Int is 32-bit: amounts beyond ±£21,474,836.47 answer an error rather than overflow; read `amount` for those.",
      resolve: ({ pence }) => int32Pence(pence),
    }),
    amount: t.string({
      description: "The amount in pounds as an exact decimal string (\"1200.00\"); never overflows.",
      resolve: ({ pence }) => formatMoneyAmount(pence),
    }),
    formatted: t.string({
      description: "The amount for display: \"£1,200.00\".",
      // The domain's formatter, the one every package uses.
      resolve: ({ pence }) => formatMoney(pence),
    }),
  }),
});

export const money = (pence: number): MoneyValue => ({ pence });
