import type { Database } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import type { CommandActor, CommandOptions } from "./actor.js";
import { changePublication } from "./publish-learning-item.js";

/** Withdraws a published item (rule 19): it leaves every reader's library but the staff's, for good. */
export const withdrawLearningItem = (
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly learningItemId: unknown },
  options?: CommandOptions,
) => changePublication(db, actor, "WITHDRAWN", { learningItemId: input?.learningItemId }, options);
