package org.wageguard.portal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.CasePhotos;
import org.wageguard.casework.CaseRuleException;
import org.wageguard.identity.SensitiveData;
import org.wageguard.portal.PortalSubmissions;
import org.wageguard.project.Projects;
import org.wageguard.project.RightsNotices;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.MobilePhone;

/**
 * The public pages of the workers' portal (no login). Automated submissions are turned away by a hidden
 * honeypot field and a minimum time between showing the form and submitting it; CSRF stays on.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    static final Duration MIN_FILL = Duration.ofSeconds(3);

    static final Duration MAX_FILL = Duration.ofHours(2);

    private final PortalSubmissions submissions;
    private final Projects projects;
    private final SensitiveData sensitive;
    private final Clock clock;
    private final RightsNotices rightsNotices;

    PortalController(PortalSubmissions submissions, Projects projects, SensitiveData sensitive, Clock clock,
            RightsNotices rightsNotices) {
        this.rightsNotices = rightsNotices;
        this.submissions = submissions;
        this.projects = projects;
        this.sensitive = sensitive;
        this.clock = clock;
    }

    /**
     * A signed stamp of when the form was shown to this session: {@code epochSeconds.signature}. The signature covers
     * the session id, so a stamp cannot be used from another session (a bot farming one stamp for many posts), and the
     * session id is renewed after each submission, so it cannot be used twice in its own.
     */
    static String stamp(SensitiveData sensitive, String sessionId, Instant shown) {
        long seconds = shown.getEpochSecond();
        return seconds + "." + sensitive.index("portal-form|" + sessionId + "|" + seconds);
    }

    private String stamp(HttpServletRequest request) {
        return stamp(sensitive, request.getSession().getId(), Instant.now(clock));
    }

    /** Whether the stamp is genuine for this session and the form was filled in no faster than a person could. */
    private boolean humanPaced(String stamp, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (stamp == null || session == null || !stamp.matches("[0-9]{1,12}\\.[^.]+")) {
            return false;
        }
        Instant shown = Instant.ofEpochSecond(Long.parseLong(stamp.substring(0, stamp.indexOf('.'))));
        Duration taken = Duration.between(shown, Instant.now(clock));
        return stamp.equals(stamp(sensitive, session.getId(), shown)) && taken.compareTo(MIN_FILL) >= 0
                && taken.compareTo(MAX_FILL) <= 0;
    }

    /** The form a worker fills in; {@code website} is the honeypot that people never see. */
    public static class Form {
        public CaseKind kind = CaseKind.COMPLAINT;
        public String name;
        public String phone;
        public String idNumber;
        public boolean anonymous;
        public String employerName;
        public String projectName;
        public BigDecimal amount;
        public Integer workers = 1;
        public String description;
        public String website;
        public String stamp;

        public String getStamp() { return stamp; }
        public void setStamp(String stamp) { this.stamp = stamp; }

        public CaseKind getKind() { return kind; }
        public void setKind(CaseKind kind) { this.kind = kind; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public boolean isAnonymous() { return anonymous; }
        public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
        public String getEmployerName() { return employerName; }
        public void setEmployerName(String employerName) { this.employerName = employerName; }
        public String getProjectName() { return projectName; }
        public void setProjectName(String projectName) { this.projectName = projectName; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public Integer getWorkers() { return workers; }
        public void setWorkers(Integer workers) { this.workers = workers; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getWebsite() { return website; }
        public void setWebsite(String website) { this.website = website; }
    }

    @GetMapping
    String home() {
        return "portal/home";
    }

    @GetMapping("/submit")
    String form(Model model, HttpServletRequest request) {
        Form form = new Form();
        form.stamp = stamp(request);
        model.addAttribute("form", form);
        return "portal/submit";
    }

    @PostMapping("/submit")
    String submit(@ModelAttribute("form") Form form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
            HttpServletRequest request) throws IOException {
        if (form.website != null && !form.website.isBlank() || !humanPaced(form.stamp, request)) {
            return fail(model, form, "portal.error.automated", request);
        }
        String problem = check(form);
        if (problem != null) {
            return fail(model, form, problem, request);
        }
        List<CasePhotos.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                uploads.add(new CasePhotos.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        try {
            String code = submissions.submit(new PortalSubmissions.Submission(form.kind, trim(form.name), form.phone,
                    trim(form.idNumber), form.anonymous, trim(form.employerName), trim(form.projectName), form.amount,
                    form.workers == null ? 1 : form.workers, form.description.trim()), uploads, request.getRemoteAddr());
            // A new session id: the stamp just used is spent.
            request.changeSessionId();
            model.addAttribute("code", code);
            return "portal/submitted";
        } catch (PortalSubmissions.RateLimited e) {
            return fail(model, form, "portal.rateLimited", request);
        } catch (CaseRuleException e) {
            model.addAttribute("errorText", e.getMessage());
            return fail(model, form, "portal.error.photo", request);
        }
    }

    private String fail(Model model, Form form, String key, HttpServletRequest request) {
        form.stamp = stamp(request);
        model.addAttribute("errorKey", key);
        return "portal/submit";
    }

    /** The first problem of the form as a message key, or null. */
    static String check(Form f) {
        try {
            MobilePhone.of(f.phone);
        } catch (InvalidIdentifierException e) {
            return "portal.error.phone";
        }
        boolean anonymous = f.kind == CaseKind.REPORT && f.anonymous;
        if (!anonymous) {
            if (blank(f.name)) {
                return "portal.error.name";
            }
            if (f.kind == CaseKind.COMPLAINT && (blank(f.idNumber) || !IdNumber.parseLenient(f.idNumber.trim().toUpperCase()).verified())) {
                return "portal.error.idNumber";
            }
        }
        if (blank(f.employerName) && blank(f.projectName)) {
            return "portal.error.employer";
        }
        if (f.amount != null && f.amount.signum() < 0) {
            return "portal.error.amount";
        }
        if (f.workers != null && (f.workers < 1 || f.workers > 500)) {
            return "portal.error.workers";
        }
        if (blank(f.description) || f.description.length() > 2000) {
            return "portal.error.description";
        }
        return null;
    }

    /**
     * The rights notice (维权信息公示) a site's QR code opens: who is responsible for wages and where to complain, as the
     * printed board shows it (《保障农民工工资支付条例》第三十四条, {@link RightsNotices}), without the wage officer's phone.
     */
    @GetMapping("/notice")
    String notice(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            projects.findByCode(code.trim().toUpperCase()).ifPresentOrElse(p -> {
                model.addAttribute("project", p);
                model.addAttribute("notice", rightsNotices.notice(p,
                        ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()));
            }, () -> model.addAttribute("errorKey", "portal.notice.notFound"));
        }
        return "portal/notice";
    }

    @GetMapping("/follow")
    String followForm() {
        return "portal/follow";
    }

    @PostMapping("/follow")
    String follow(@RequestParam String code, @RequestParam String phone, Model model, HttpServletRequest request) {
        try {
            Optional<PortalSubmissions.Progress> progress = submissions.follow(code, phone, request.getRemoteAddr());
            if (progress.isPresent()) {
                model.addAttribute("progress", progress.get());
            } else {
                model.addAttribute("errorKey", "portal.follow.notFound");
            }
        } catch (PortalSubmissions.RateLimited e) {
            model.addAttribute("errorKey", "portal.rateLimited");
        }
        return "portal/follow";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
