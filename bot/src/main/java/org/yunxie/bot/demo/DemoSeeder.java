package org.yunxie.bot.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;

/**
 * Seeds the demo community on a first start ({@code yunxie.demo.enabled=true}, the embedded profile), so
 * a new user sees open rounds, bound residents and ballots at once. Only when no community exists yet:
 * restarts keep whatever is there, demo or real. Everything goes in through the real use cases, in one
 * transaction, so a failed seed leaves nothing half-made and is simply tried again at the next start.
 */
@Component
@WithDemoData
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Roster roster;
    private final DemoRoster demoRoster;
    private final DemoResidents residents;
    private final DemoRounds rounds;
    private final DemoChannels channels;
    private final TransactionTemplate transaction;

    DemoSeeder(Roster roster, DemoRoster demoRoster, DemoResidents residents, DemoRounds rounds,
               DemoChannels channels, PlatformTransactionManager transactions) {
        this.roster = roster;
        this.demoRoster = demoRoster;
        this.residents = residents;
        this.rounds = rounds;
        this.channels = channels;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Seeds unless a community exists; returns whether it did. */
    boolean seed() {
        if (!roster.communities().isEmpty()) {
            log.info("Demo data: a community exists already, nothing seeded");
            return false;
        }
        String summary = transaction.execute(status -> {
            DemoPlace place = demoRoster.register();
            channels.connect(place);
            Map<String, Long> members = residents.bind(place);
            List<Round> opened = rounds.open(place, members);
            residents.leaveCodesToTry(place);
            return place.community().name() + ": " + place.households().size() + " households, "
                    + members.values().stream().distinct().count() + " members bound, open rounds "
                    + opened.stream().map(round -> "#" + round.number()).collect(Collectors.joining(" "));
        });
        log.info("Demo data: seeded {}", summary);
        return true;
    }
}
