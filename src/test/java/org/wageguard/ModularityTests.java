package org.wageguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries of docs/architecture.md, verified in every build, and the module map written from the code. */
class ModularityTests {

    /** The page whose section between these markers {@link #writesModuleDocumentation()} writes. */
    static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    static final String BEGIN = "<!-- module map: written by ModularityTests, do not edit by hand -->";
    static final String END = "<!-- end of the module map -->";
    static final String DIAGRAMS = "docs/modules";

    private final ApplicationModules modules = ApplicationModules.of(WageGuardApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(modules.getModuleByName("identity")).isPresent();
        assertThat(modules.getModuleByName("shared")).isPresent();
    }

    /**
     * Writes the module map (issue 22) from the code, every build, so that it cannot go stale: the module map of
     * docs/architecture.md (the modules, their dependencies and the events between them, as Markdown with a Mermaid
     * graph) and, beside it,
     * Spring Modulith's Documenter output in docs/modules/ (PlantUML diagrams of all modules and of each).
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String map = moduleMap();
        String page = Files.readString(ARCHITECTURE);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("the markers of the module map in " + ARCHITECTURE).isNotNegative().isLessThan(end);
        Files.writeString(ARCHITECTURE, page.substring(0, begin + BEGIN.length()) + "\n" + map + page.substring(end));
        assertThat(map).contains("casework --> employer", "| `org.wageguard.employer.ArrearsConfirmed` | casework | employer (@ApplicationModuleListener) |",
                "| `org.wageguard.casework.CaseRegistered` | casework | monitoring (@ApplicationModuleListener) |");
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> LISTENERS = List.of(
            org.springframework.modulith.events.ApplicationModuleListener.class,
            org.springframework.transaction.event.TransactionalEventListener.class,
            org.springframework.context.event.EventListener.class);

    private String moduleOf(JavaClass type) {
        return modules.getModuleForPackage(type.getPackageName()).map(ApplicationModule::getName).orElse("(application)");
    }

    private String moduleMap() {
        List<ApplicationModule> all = modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (ApplicationModule m : all) {
            dependencies.put(m.getName(), m.getDirectDependencies(modules).stream()
                    .map(ApplicationModuleDependency::getTargetModule).map(ApplicationModule::getName)
                    .filter(n -> !n.equals(m.getName())).collect(Collectors.toCollection(TreeSet::new)));
        }
        // The events: the parameter of every listener method; published by the modules that construct them.
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wageguard");
        Map<String, Set<String>> publishers = new TreeMap<>();
        Map<String, Set<String>> listeners = new TreeMap<>();
        for (JavaClass type : classes) {
            for (JavaMethod method : type.getMethods()) {
                boolean listens = LISTENERS.stream().anyMatch(method::isAnnotatedWith);
                if (!listens || method.getRawParameterTypes().size() != 1) {
                    continue;
                }
                JavaClass event = method.getRawParameterTypes().get(0);
                if (!event.getPackageName().startsWith("org.wageguard")) {
                    continue;
                }
                String how = LISTENERS.stream().filter(method::isAnnotatedWith).findFirst().orElseThrow().getSimpleName();
                listeners.computeIfAbsent(event.getName(), k -> new TreeSet<>()).add(moduleOf(type) + " (@" + how + ")");
                event.getConstructorCallsToSelf().forEach(call -> publishers
                        .computeIfAbsent(event.getName(), k -> new TreeSet<>()).add(moduleOf(call.getOriginOwner())));
            }
        }
        Set<String> events = new TreeSet<>(publishers.keySet());
        events.addAll(listeners.keySet());

        StringBuilder md = new StringBuilder();
        md.append("Written from the code by `ModularityTests.writesModuleDocumentation` (Spring Modulith's"
                + " `ApplicationModules`) in every build; commit it with the change that changed it.\n\n");
        md.append("```mermaid\ngraph LR\n");
        dependencies.forEach((m, targets) -> targets.forEach(t -> md.append("  ").append(m).append(" --> ").append(t).append('\n')));
        md.append("```\n\n");
        md.append("| Module | Name | Uses |\n|---|---|---|\n");
        for (ApplicationModule m : all) {
            md.append("| ").append(m.getName()).append(" | ").append(m.getDisplayName()).append(" | ")
                    .append(String.join(", ", dependencies.get(m.getName()))).append(" |\n");
        }
        md.append("\nThe events, published by the modules that construct them, and their listeners. An"
                + " `@ApplicationModuleListener` or `@TransactionalEventListener` runs after the publisher's commit, and the"
                + " event publication registry (table `event_publication`) keeps the event until it succeeded; an"
                + " `@EventListener` runs at once, inside the publisher's transaction (within one module only).\n\n");
        md.append("| Event | Published by | Listened to by |\n|---|---|---|\n");
        for (String e : events) {
            md.append("| `").append(e).append("` | ").append(String.join(", ", publishers.getOrDefault(e, Set.of()))).append(" | ")
                    .append(String.join(", ", listeners.getOrDefault(e, Set.of()))).append(" |\n");
        }
        md.append("\nDiagrams (PlantUML) of all modules and of each, written by Spring Modulith's `Documenter`: ")
                .append("[all modules](modules/components.puml), [casework](modules/module-casework.puml), …\n\n");
        return md.toString();
    }
}
