package org.wageguard.identity.web;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.ModuleEntry;
import org.wageguard.identity.OfficerPrincipal;

@Controller
class HomeController {

    record Tile(String title, String description, String href) {
    }

    private final List<ModuleEntry> entries;
    private final MessageSource messages;
    private final CodeTables codeTables;
    private final JdbcClient jdbc;

    private final List<org.wageguard.identity.WaitingWork> waiting;

    HomeController(List<ModuleEntry> entries, MessageSource messages, CodeTables codeTables, JdbcClient jdbc,
            List<org.wageguard.identity.WaitingWork> waiting) {
        this.entries = entries;
        this.waiting = waiting;
        this.messages = messages;
        this.codeTables = codeTables;
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("me", me);
        model.addAttribute("roleNames", jdbc.sql("SELECT name FROM role WHERE code IN (:codes) ORDER BY sort_order")
                .param("codes", me.roles().isEmpty() ? List.of("-") : List.copyOf(me.roles())).query(String.class).list());
        model.addAttribute("regionName", codeTables.region(me.regionCode()).map(CodeTables.Region::name)
                .orElse(me.regionCode()));
        model.addAttribute("lastLogin", jdbc.sql("""
                SELECT at FROM login_log WHERE officer_id = :id AND success ORDER BY at DESC OFFSET 1 LIMIT 1
                """).param("id", me.id()).query(Timestamp.class).optional()
                .map(t -> LocalDateTime.ofInstant(t.toInstant(), ZoneId.of("Asia/Shanghai"))).orElse(null));
        model.addAttribute("modules", entries.stream().filter(e -> me.hasPermission(e.permission()))
                .sorted(Comparator.comparingInt(ModuleEntry::order))
                .map(e -> new Tile(text(e.titleKey()), text(e.descriptionKey()), e.href())).toList());
        model.addAttribute("waiting", waiting.stream().flatMap(w -> w.waitingFor(me).stream())
                .sorted(Comparator.comparingInt(org.wageguard.identity.WaitingWork.Item::order)).toList());
        return "identity/home";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
