package org.wageguard.project.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ComplianceStatus;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.RegionCode;

/**
 * The compliance matrix (一金三制落实情况): projects × items coloured by status, filtered, and exported as the
 * ledger (台账) an industry department is handed.
 */
@Controller
class MatrixController {

    record MatrixRow(ProjectSummary project, Map<ComplianceKind, ComplianceItems.Item> items, int present,
            int applicable) {

        /** A project's row: its items, how many are in place of how many apply. */
        static MatrixRow of(ProjectSummary project, Map<ComplianceKind, ComplianceItems.Item> items) {
            int present = (int) items.values().stream().filter(i -> i.status() == ComplianceStatus.PRESENT).count();
            int applicable = (int) items.values().stream()
                    .filter(i -> i.status() != ComplianceStatus.NOT_APPLICABLE).count();
            return new MatrixRow(project, items, present, applicable);
        }
    }

    private final Projects projects;
    private final ComplianceItems compliance;
    private final Departments departments;
    private final MessageSource messages;
    private final Clock clock;
    private final CodeTables codeTables;

    MatrixController(CodeTables codeTables, Projects projects, ComplianceItems compliance, Departments departments, MessageSource messages,
            Clock clock) {
        this.projects = projects;
        this.compliance = compliance;
        this.departments = departments;
        this.messages = messages;
        this.clock = clock;
        this.codeTables = codeTables;
    }

    @GetMapping("/compliance")
    @PreAuthorize("hasAuthority('project:project:view')")
    String matrix(@RequestParam(required = false) Long departmentId, @RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) ComplianceKind item, @RequestParam(required = false) ComplianceStatus itemStatus,
            @RequestParam(required = false) String regionCode, Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        List<MatrixRow> rows = rows(me, departmentId, status, item, itemStatus, regionCode);
        model.addAttribute("rows", rows);
        model.addAttribute("kinds", ComplianceKind.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("itemStatuses", ComplianceStatus.values());
        model.addAttribute("departments", departments.inRegion(RegionCode.of(me.regionCode()).subtreePrefix()).stream()
                .filter(d -> d.kind() == Departments.Kind.INDUSTRY)
                .filter(d -> me.scope().type() != DataScopeType.DEPARTMENT_AND_BELOW
                        && me.scope().type() != DataScopeType.DEPARTMENT || me.scope().departmentIds().contains(d.id()))
                .toList());
        model.addAttribute("regions", codeTables.regionSubtree(RegionCode.of(me.regionCode()).subtreePrefix()));
        model.addAttribute("regionCode", regionCode);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("status", status);
        model.addAttribute("item", item);
        model.addAttribute("itemStatus", itemStatus);
        model.addAttribute("rates", rates(rows));
        return "project/matrix";
    }

    @GetMapping("/compliance/export.xlsx")
    @PreAuthorize("hasAuthority('project:project:view')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) ProjectStatus status, @RequestParam(required = false) ComplianceKind item,
            @RequestParam(required = false) ComplianceStatus itemStatus, @RequestParam(required = false) String regionCode)
            throws IOException {
        List<MatrixRow> rows = rows(CurrentOfficer.get(), departmentId, status, item, itemStatus, regionCode);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text("matrix.sheet"));
            Map<ComplianceStatus, CellStyle> styles = new java.util.EnumMap<>(ComplianceStatus.class);
            styles.put(ComplianceStatus.PRESENT, fill(wb, IndexedColors.LIGHT_GREEN));
            styles.put(ComplianceStatus.MISSING, fill(wb, IndexedColors.ROSE));
            styles.put(ComplianceStatus.EXPIRED, fill(wb, IndexedColors.LIGHT_ORANGE));
            styles.put(ComplianceStatus.NOT_APPLICABLE, fill(wb, IndexedColors.GREY_25_PERCENT));
            Row header = sheet.createRow(0);
            String[] fixed = {text("project.code"), text("project.name"), text("project.department"),
                    text("project.contractor"), text("project.status")};
            int c = 0;
            for (String h : fixed) {
                header.createCell(c++).setCellValue(h);
            }
            for (ComplianceKind kind : ComplianceKind.values()) {
                header.createCell(c++).setCellValue(text("enum.ComplianceKind." + kind));
                header.createCell(c++).setCellValue(text("enum.ComplianceKind." + kind) + text("matrix.reasonSuffix"));
            }
            header.createCell(c).setCellValue(text("matrix.rate"));
            int r = 1;
            for (MatrixRow row : rows) {
                Row x = sheet.createRow(r++);
                ProjectSummary p = row.project();
                x.createCell(0).setCellValue(p.code());
                x.createCell(1).setCellValue(p.name());
                x.createCell(2).setCellValue(p.departmentName());
                x.createCell(3).setCellValue(p.generalContractorName());
                x.createCell(4).setCellValue(text("enum.ProjectStatus." + p.status()));
                int col = 5;
                for (ComplianceKind kind : ComplianceKind.values()) {
                    ComplianceItems.Item i = row.items().get(kind);
                    var cell = x.createCell(col++);
                    cell.setCellValue(i == null ? "" : text("enum.ComplianceStatus." + i.status()));
                    if (i != null) {
                        cell.setCellStyle(styles.get(i.status()));
                    }
                    x.createCell(col++).setCellValue(i == null || i.reason() == null ? "" : i.reason());
                }
                x.createCell(col).setCellValue(row.present() + "/" + row.applicable());
            }
            for (int i = 0; i < 5; i++) {
                sheet.autoSizeColumn(i);
            }
            sheet.createFreezePane(2, 1);
            wb.write(out);
            String name = text("matrix.fileName") + "-" + LocalDate.now(clock) + ".xlsx";
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name, StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        }
    }

    private List<MatrixRow> rows(OfficerPrincipal me, Long departmentId, ProjectStatus status, ComplianceKind item,
            ComplianceStatus itemStatus, String regionCode) {
        List<ProjectSummary> found = projects.all(me.scope(), new Projects.Filter(null, departmentId, status, regionCode));
        Map<Long, Map<ComplianceKind, ComplianceItems.Item>> items = compliance.matrix(
                found.stream().map(ProjectSummary::id).toList());
        return found.stream().map(p -> MatrixRow.of(p, items.getOrDefault(p.id(), Map.of()))).filter(row -> item == null || itemStatus == null
                || row.items().get(item) != null && row.items().get(item).status() == itemStatus).toList();
    }

    /** Per item: how many applicable projects have it in place — the compliance rate the seed's reports cite. */
    static Map<ComplianceKind, String> rates(List<MatrixRow> rows) {
        Map<ComplianceKind, String> rates = new java.util.EnumMap<>(ComplianceKind.class);
        for (ComplianceKind kind : ComplianceKind.values()) {
            long applicable = rows.stream().map(r -> r.items().get(kind))
                    .filter(i -> i != null && i.status() != ComplianceStatus.NOT_APPLICABLE).count();
            long present = rows.stream().map(r -> r.items().get(kind))
                    .filter(i -> i != null && i.status() == ComplianceStatus.PRESENT).count();
            rates.put(kind, applicable == 0 ? "—" : present + "/" + applicable + "（"
                    + Math.round(present * 100.0 / applicable) + "%）");
        }
        return rates;
    }

    private static CellStyle fill(XSSFWorkbook wb, IndexedColors color) {
        CellStyle style = wb.createCellStyle();
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
