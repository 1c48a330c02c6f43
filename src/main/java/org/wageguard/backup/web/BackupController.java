package org.wageguard.backup.web;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.backup.BackupException;
import org.wageguard.backup.BackupRun;
import org.wageguard.backup.BackupSettings;
import org.wageguard.backup.Backups;
import org.wageguard.identity.CurrentOfficer;

/** The system administrator's backup page: the nightly backup on or off, its time and retention, past backups. */
@Controller
class BackupController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Backups backups;
    private final MessageSource messages;

    BackupController(Backups backups, MessageSource messages) {
        this.backups = backups;
        this.messages = messages;
    }

    /** A past backup as the page shows it: times in China Standard Time, the size readable. */
    record RunRow(long id, String kind, String requestedBy, LocalDateTime startedAt, LocalDateTime finishedAt,
            String result, String folder, String size, String checksum, String message, LocalDateTime deletedAt) {

        static RunRow of(BackupRun r) {
            return new RunRow(r.id(), r.kind().name(), r.requestedBy(), local(r.startedAt()), local(r.finishedAt()),
                    r.result().name(), r.folder(), size(r.sizeBytes()), r.checksum(), r.message(), local(r.deletedAt()));
        }

        private static LocalDateTime local(OffsetDateTime t) {
            return t == null ? null : t.atZoneSameInstant(ZONE).toLocalDateTime();
        }

        static String size(Long bytes) {
            if (bytes == null) {
                return "";
            }
            String[] units = {"B", "KB", "MB", "GB", "TB"};
            double v = bytes;
            int u = 0;
            while (v >= 1024 && u < units.length - 1) {
                v /= 1024;
                u++;
            }
            return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
        }
    }

    @GetMapping("/admin/backup")
    @PreAuthorize("hasAuthority('backup:backup:manage')")
    String page(Model model) {
        BackupSettings settings = backups.settings();
        model.addAttribute("settings", settings);
        model.addAttribute("updatedAt", settings.updatedAt().atZoneSameInstant(ZONE).toLocalDateTime());
        model.addAttribute("directory", backups.directory());
        model.addAttribute("pgBin", backups.pgBin());
        model.addAttribute("problem", backups.problem());
        List<RunRow> runs = backups.runs(100).stream().map(RunRow::of).toList();
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().anyMatch(r -> r.result().equals("RUNNING")));
        model.addAttribute("maxRetention", BackupSettings.MAX_RETENTION);
        return "backup/backup";
    }

    @PostMapping("/admin/backup/settings")
    @PreAuthorize("hasAuthority('backup:backup:manage')")
    String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String runAt,
            @RequestParam(required = false) String retention, RedirectAttributes redirect) {
        try {
            backups.saveSettings(enabled, time(runAt), number(retention), CurrentOfficer.get().username());
            redirect.addFlashAttribute("flash", text("common.saved"));
        } catch (BackupException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/backup";
    }

    @PostMapping("/admin/backup/run")
    @PreAuthorize("hasAuthority('backup:backup:manage')")
    String run(RedirectAttributes redirect) {
        String problem = backups.problem();
        if (problem != null) {
            redirect.addFlashAttribute("error", problem);
        } else {
            backups.start(CurrentOfficer.get().username());
            redirect.addFlashAttribute("flash", text("backup.started"));
        }
        return "redirect:/admin/backup";
    }

    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BackupException("备份时间“" + value + "”无法识别，请按 时:分 填写，例如 03:00。");
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new BackupException("保留份数须是 1 到 " + BackupSettings.MAX_RETENTION + " 之间的整数。");
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
