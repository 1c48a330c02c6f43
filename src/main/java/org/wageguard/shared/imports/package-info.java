/**
 * Reading and writing the tabular files of every import (FORMATS.md "Files"): {@link TabularFile} reads CSV or
 * XLSX by content, {@link ProblemReport} hands the bad rows back, {@link TemplateWorkbook} writes the template,
 * {@link LedgerWorkbook} any 台账 export. Pure Java, no Spring.
 */
package org.wageguard.shared.imports;
