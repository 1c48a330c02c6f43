package org.wageguard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries of ARCHITECTURE.md, verified in every build. */
class ModularityTests {

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

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
