/**
 * Reading and writing the tabular files of every import (FORMATS.md "Files"): {@link TabularFile} reads CSV or
 * XLSX by content (whole, or streamed row by row), {@link ProblemReport} hands the bad rows back,
 * {@link TemplateWorkbook} writes the template, {@link LedgerWorkbook} any 台账 export. The streamed import pipeline
 * (issue 19, docs/data-intake.md) runs on {@link ImportPipeline} (size limits per kind, the one transaction,
 * {@link StagingCopy} into a temporary table by {@code COPY}), collects {@link ImportProblems}, reports
 * {@link ImportProgress}, and runs as a job of {@link ImportJobs} when it takes longer than a second.
 */
package org.wageguard.shared.imports;
