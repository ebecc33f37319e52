package org.yunxie.bot.demo;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.roster.UnusedCode;

/**
 * The demo community's binding codes that are still unused, for the start-up guide to show a visitor.
 * Only with demo data: codes are proofs, and a real deployment must never print them.
 */
@Component
@WithDemoData
public class DemoCodes {

    private final IssuingBindingCode codes;
    private final Roster roster;

    DemoCodes(IssuingBindingCode codes, Roster roster) {
        this.codes = codes;
        this.roster = roster;
    }

    public List<UnusedCode> unused(int limit) {
        return roster.communities().stream()
                .filter(community -> community.name().equals(DemoPlace.COMMUNITY)).findFirst()
                .map(demo -> codes.unused(demo.id(), limit)).orElse(List.of());
    }
}
