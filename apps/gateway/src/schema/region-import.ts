import { IMPORT_FILE_NAMES, type ImportIssue, type ImportedFile, type ImportedRegion, importRegion } from "@adviser-hub/service";
import { builder } from "../builder.js";
import "./file.js";
import { ForbiddenError, ImportRejectedError, fromDomainError } from "../errors/index.js";
import { ErrorInterface } from "./errors.js";
import { actorOf, mutationScopes } from "./mutation-support.js";

// A whole region from the files `pnpm region:import` reads, uploaded as a GraphQL multipart
// request (Yoga reads the multipart request spec itself): the resolver only reads each file's
// text under its name and calls the service's importRegion.

const ImportIssueRef = builder.objectRef<ImportIssue>("ImportIssue").implement({
  description: "One problem of a refused import, where a spreadsheet would show it.",
  fields: (t) => ({
    file: t.exposeString("file", { description: "The file: policy.json or one of the CSVs." }),
    row: t.int({ nullable: true, description: "The row as a spreadsheet numbers it (the header is 1); null for the file as a whole and for policy.json.", resolve: (i) => i.row }),
    column: t.string({ nullable: true, description: "The CSV column, or policy.json's field as a dotted path; null for the whole row or file.", resolve: (i) => i.column }),
    message: t.exposeString("message", { description: "What is wrong, for people." }),
  }),
});

builder.objectType(ImportRejectedError, {
  name: "ImportRejectedError",
  description: "A region import was refused. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ImportIssueRef], description: "Every problem found, file by file in the order they are applied.", resolve: (e) => [...e.issues] }),
  }),
});

const ImportedFileRef = builder.objectRef<ImportedFile>("ImportedFile").implement({
  description: "What the import did (or, dry, would do) to one file's rows.",
  fields: (t) => ({
    file: t.exposeString("file", { description: "The file." }),
    created: t.exposeInt("created", { description: "Rows with a new natural key." }),
    updated: t.exposeInt("updated", { description: "Rows that changed what is stored." }),
    unchanged: t.exposeInt("unchanged", { description: "Rows equal to what is stored: not written." }),
  }),
});

const ImportRegionPayload = builder.objectRef<ImportedRegion>("ImportRegionPayload").implement({
  description: "The region imported.",
  fields: (t) => ({
    region: t.exposeString("region", { description: "The region's code." }),
    dryRun: t.exposeBoolean("dryRun", { description: "True when everything was rolled back after counting." }),
    files: t.field({ type: [ImportedFileRef], description: "Each file given, in the order applied.", resolve: (p) => [...p.files] }),
    changes: t.exposeInt("changes", { description: "Rows created or updated over every file; 0 on a second run of the same files." }),
  }),
});

builder.mutationField("importRegion", (t) =>
  t.field({
    type: ImportRegionPayload,
    description:
      "Imports a whole region from policy.json and its CSVs (docs/IMPORT.md) in one transaction, upserting by natural key (SERVICE_ADMIN for any region, a new one included; REGION_ADMIN for its own). Any problem refuses it all.",
    ...mutationScopes("importRegion"),
    errors: {
      types: [ImportRejectedError, ForbiddenError],
      union: { name: "ImportRegionResult", description: "What the import changed, or every reason it was refused." },
    },
    args: {
      files: t.arg({ type: ["File"], required: true, description: `The files, each under its own name: ${IMPORT_FILE_NAMES.join(", ")}.` }),
      region: t.arg.string({ required: false, description: "The region's code; policy.json's code, else the token's region, when left out." }),
      fromFinancialYear: t.arg.int({ required: false, description: "The financial year policy.json applies from; the latest stored version's when left out." }),
      dryRun: t.arg.boolean({ required: false, description: "Count what would change, then write nothing." }),
    },
    resolve: async (_root, args, context) => {
      const files: Record<string, string> = {};
      const duplicates: ImportIssue[] = [];
      for (const file of args.files) {
        if (file.name in files) duplicates.push({ file: file.name, row: null, column: null, message: "is given twice" });
        files[file.name] = await file.text();
      }
      if (duplicates.length > 0) throw new ImportRejectedError(duplicates, "the import was refused; nothing was written");
      const result = await importRegion(
        context.db,
        actorOf(context),
        {
          files,
          ...(args.region ? { region: args.region } : {}),
          ...(args.fromFinancialYear == null ? {} : { fromFinancialYear: args.fromFinancialYear }),
          dryRun: args.dryRun === true,
        },
        { clock: context.clock },
      );
      if (result.ok) return result.value;
      if (result.error.code === "IMPORT_REJECTED") throw new ImportRejectedError(result.error.issues, result.error.message);
      throw fromDomainError(result.error);
    },
  }),
);
