package org.yunxie.bot.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.yunxie.bot.announcement.Announcements;
import org.yunxie.bot.channel.log.LoggingPublisher;
import org.yunxie.bot.ratelimit.RateLimiter;
import org.yunxie.bot.text.Chunks;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outbox.PublishLater;
import org.yunxie.core.outcome.Outcomes;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * Posts announcements into their groups, through the group robot (20 messages a minute) or the app chat,
 * within the budget: a message whose parts do not fit in this minute's budget waits for the next (the
 * outbox keeps it). An outcome is posted as text and a chart. Parts already posted are remembered in
 * Redis, so a retry after a failure in the middle does not post them again. Groups not connected to WeCom
 * get the log.
 */
@Component
class GroupPublisher {

    private static final Logger log = LoggerFactory.getLogger(GroupPublisher.class);
    private static final Duration PART_MEMORY = Duration.ofDays(2);

    /**
     * WeCom counts a robot's minute by when the posts reach it, and a post reaches it a moment after its slot was
     * taken (seconds, on a busy consultation day: the full-district run saw 22 posts reach one robot within 60 s
     * with a 60 s window). So the window is kept 10 s longer than WeCom's minute.
     */
    static final Duration POSTING_WINDOW = Duration.ofMinutes(1).plusSeconds(10);

    private final Announcements announcements;
    private final ChatGroups groups;
    private final Rounds rounds;
    private final Outcomes outcomes;
    private final OutcomeChart chart;
    private final RobotWebhook webhook;
    private final AppChat appChat;
    private final RateLimiter limiter;
    private final StringRedisTemplate redis;
    private final LoggingPublisher logOnly;
    private final Clock clock;

    GroupPublisher(Announcements announcements, ChatGroups groups, Rounds rounds, Outcomes outcomes,
                   OutcomeChart chart, RobotWebhook webhook, AppChat appChat, RateLimiter limiter,
                   StringRedisTemplate redis,
                   LoggingPublisher logOnly, Clock clock) {
        this.announcements = announcements;
        this.groups = groups;
        this.rounds = rounds;
        this.outcomes = outcomes;
        this.chart = chart;
        this.webhook = webhook;
        this.appChat = appChat;
        this.limiter = limiter;
        this.redis = redis;
        this.logOnly = logOnly;
        this.clock = clock;
    }

    void publish(OutboxMessage message) throws PublishLater {
        ChatGroup group = message.chatGroupId() == null ? null : groups.find(message.chatGroupId()).orElse(null);
        GroupPoster poster = group == null ? null : posterFor(group);
        if (poster == null) {
            logOnly.publish(message);
            return;
        }
        List<Part> parts = parts(message, poster.textBytes());
        List<Part> unsent = parts.stream().filter(part -> !posted(message, part)).toList();
        Optional<Instant> later = limiter.take(group.postVia() + ":" + group.id(), poster.perMinute(),
                POSTING_WINDOW, unsent.size());
        if (later.isPresent()) {
            throw new PublishLater(later.get());
        }
        for (Part part : unsent) {
            try {
                if (part.png() != null) {
                    poster.image(group, part.png());
                } else {
                    poster.text(group, part.text());
                }
            } catch (GroupPoster.Refused refused) {
                if (refused.rateLimited()) {
                    throw new PublishLater(clock.instant().plus(Duration.ofMinutes(1)));
                }
                throw refused;
            }
            remember(message, part);
        }
    }

    private GroupPoster posterFor(ChatGroup group) {
        return switch (group.postVia()) {
            case ROBOT_WEBHOOK -> group.robotWebhookKey() == null ? null : webhook;
            case APP_CHAT -> group.wecomChatId() == null ? null : appChat;
            case NONE -> null;
        };
    }

    private List<Part> parts(OutboxMessage message, int textBytes) {
        List<Part> parts = new ArrayList<>();
        List<String> chunks = Chunks.of(announcements.render(message), textBytes);
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(new Part(i, chunks.get(i), null));
        }
        if (message.kind() == OutboxKind.OUTCOME && message.roundId() != null) {
            Round round = rounds.find(message.roundId()).orElseThrow();
            outcomes.ofRound(round.id()).ifPresent(outcome -> parts.add(new Part(chunks.size(), null,
                    chart.png(round.number(), outcome, rounds.options(round.id())))));
        }
        return parts;
    }

    private boolean posted(OutboxMessage message, Part part) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(partKey(message, part)));
        } catch (RuntimeException e) {
            log.warn("Cannot tell which parts of outbox message {} were posted: {}", message.id(), e.toString());
            return false;
        }
    }

    private void remember(OutboxMessage message, Part part) {
        try {
            redis.opsForValue().set(partKey(message, part), "1", PART_MEMORY);
        } catch (RuntimeException e) {
            log.warn("Cannot remember that part {} of outbox message {} was posted: {}", part.index(), message.id(),
                    e.toString());
        }
    }

    private static String partKey(OutboxMessage message, Part part) {
        return "yunxie:posted:" + message.id() + ":" + part.index();
    }

    private record Part(int index, String text, byte[] png) {
    }
}
