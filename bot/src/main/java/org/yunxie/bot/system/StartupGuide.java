package org.yunxie.bot.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.yunxie.bot.text.Wording;
import org.yunxie.bot.demo.DemoCodes;
import org.yunxie.core.roster.UnusedCode;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * Once the application is ready, says in a few lines where to go next: the address, the communities and
 * their open rounds, binding codes to try (demo data only), the database console (embedded only) and
 * where to read about a real database and Redis.
 */
@Component
class StartupGuide {

    private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);
    private static final int COMMUNITIES_SHOWN = 3;
    private static final int CODES_SHOWN = 3;
    private static final String INDENT = "  ";

    private final Environment environment;
    private final Roster roster;
    private final Rounds rounds;
    private final ChatGroups groups;
    private final Wording wording;
    private final ObjectProvider<DemoCodes> demoCodes;

    StartupGuide(Environment environment, Roster roster, Rounds rounds, ChatGroups groups, Wording wording,
                 ObjectProvider<DemoCodes> demoCodes) {
        this.environment = environment;
        this.roster = roster;
        this.rounds = rounds;
        this.groups = groups;
        this.wording = wording;
        this.demoCodes = demoCodes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        log.info("\n{}", String.join("\n", lines()));
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(wording.text("guide.title"));
        String base = baseUrl();
        if (base != null) {
            lines.add(wording.text("guide.url", base));
            if (environment.getProperty("yunxie.sandbox.enabled", Boolean.class, false)) {
                lines.add(wording.text("guide.sandbox", base));
            }
        }
        List<Community> communities = roster.communities();
        if (communities.isEmpty()) {
            lines.add(wording.text("guide.no-community"));
        }
        communities.stream().limit(COMMUNITIES_SHOWN).forEach(community -> addCommunity(community, lines));
        DemoCodes codes = demoCodes.getIfAvailable();
        List<UnusedCode> toTry = codes == null ? List.of() : codes.unused(CODES_SHOWN);
        if (!toTry.isEmpty()) {
            lines.add(wording.text("guide.codes"));
            toTry.forEach(code -> lines.add(INDENT + wording.text("guide.code", code.unitLabel(),
                    wording.label("role", code.role()), code.code())));
        }
        if (base != null && environment.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
            lines.add(wording.text("guide.h2", base, environment.getProperty("spring.h2.console.path", "/h2-console"),
                    environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username")));
        }
        if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            lines.add(wording.text("guide.readme"));
        }
        return lines;
    }

    private void addCommunity(Community community, List<String> lines) {
        lines.add(wording.text("guide.community", community.name()));
        List<Round> open = rounds.openInCommunity(community.id());
        if (open.isEmpty()) {
            lines.add(INDENT + wording.text("guide.no-rounds"));
        }
        for (Round round : open) {
            String group = round.chatGroupId() == null ? "-"
                    : groups.find(round.chatGroupId()).map(ChatGroup::name).orElse("-");
            lines.add(INDENT + wording.text("guide.round", round.number(), wording.label("kind", round.kind()),
                    round.title(), group, wording.time(round.closingAt())));
        }
    }

    /** The address from the port the server really got (it may be random), or null without a web server. */
    private String baseUrl() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return null;
        }
        String host = environment.getProperty("server.address", "localhost");
        return "http://" + host + ":" + port + environment.getProperty("server.servlet.context-path", "");
    }
}
