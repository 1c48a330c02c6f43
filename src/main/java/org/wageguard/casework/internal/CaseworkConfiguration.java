package org.wageguard.casework.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.CaseStatus;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Outcome;
import org.wageguard.identity.Dictionaries.Dictionary;
import org.wageguard.identity.ModuleEntry;

/** The casework module's dictionaries and home-page entries. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean Dictionary caseStatusDictionary() { return new Dictionary(CaseStatus.class); }
    @Bean Dictionary channelDictionary() { return new Dictionary(Channel.class); }
    @Bean Dictionary caseKindDictionary() { return new Dictionary(CaseKind.class); }
    @Bean Dictionary outcomeDictionary() { return new Dictionary(Outcome.class); }

    @Bean ModuleEntry myWorkEntry() {
        return new ModuleEntry(10, "nav.myWork", "module.myWork", "/cases/mine", "casework:case:view");
    }

    @Bean ModuleEntry cluesEntry() {
        return new ModuleEntry(25, "clue.nav", "module.clues", "/cases/clues", "casework:case:view");
    }

    @Bean ModuleEntry taskForceEntry() {
        return new ModuleEntry(26, "taskforce.nav", "module.taskforce", "/taskforces", "casework:case:view");
    }

    @Bean ModuleEntry stationEntry() {
        return new ModuleEntry(27, "station.nav", "module.station", "/station", "casework:station:handle");
    }

    @Bean ModuleEntry stationLedgerEntry() {
        return new ModuleEntry(28, "station.ledger", "module.stationLedger", "/station/ledger", "casework:station:handle");
    }

    @Bean ModuleEntry stationHandoversEntry() {
        return new ModuleEntry(29, "station.handovers.nav", "module.stationHandovers", "/stations/handovers",
                "casework:station:acknowledge");
    }

    @Bean ModuleEntry casesEntry() {
        return new ModuleEntry(20, "nav.cases", "module.cases", "/cases", "casework:case:view");
    }
}
