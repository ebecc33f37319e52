package org.yunxie.bot.channel.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.shared.Channel;

/**
 * Picks up what a WeCom channel acknowledged but did not finish: a failed send, a failed command, an
 * instance that stopped. The inbox hands each stalled message to one instance at a time (its claim), so
 * several instances may run this. A message still failing after a day is given up and logged, so that one
 * bad message does not come back forever.
 */
@Component
class StalledMessages {

    static final int BATCH = 20;
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(StalledMessages.class);

    private final Inbox inbox;
    private final AppMessages app;
    private final RobotMessages robot;
    private final Clock clock;

    StalledMessages(Inbox inbox, AppMessages app, RobotMessages robot, Clock clock) {
        this.inbox = inbox;
        this.app = app;
        this.robot = robot;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${yunxie.wecom.recovery-delay:PT30S}",
            fixedDelayString = "${yunxie.wecom.recovery-delay:PT30S}")
    void run() {
        List<InboundMessage> stalled;
        try {
            stalled = inbox.claimStalled(Set.of(Channel.WECOM_APP, Channel.WECOM_ROBOT), BATCH);
        } catch (RuntimeException e) {
            log.warn("Stalled WeCom messages not looked at now: {}", e.toString());
            return;
        }
        stalled.forEach(this::recover);
    }

    /** Processes one stalled message the way its channel does. */
    void recover(InboundMessage message) {
        try {
            switch (message.channel()) {
                case WECOM_APP -> app.process(message);
                case WECOM_ROBOT -> robot.recover(message);
                default -> {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (message.receivedAt().plus(GIVE_UP_AFTER).isBefore(clock.instant())) {
                log.error("WeCom inbox message {} given up after {} of failures", message.id(), GIVE_UP_AFTER, e);
                inbox.markProcessed(message.id(), null);
            } else {
                log.warn("WeCom inbox message {} still failing, tried again later: {}", message.id(), e.toString());
            }
        }
    }
}
