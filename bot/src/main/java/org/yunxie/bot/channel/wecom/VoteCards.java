package org.yunxie.bot.channel.wecom;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import me.chanjar.weixin.cp.bean.templatecard.TemplateCardButton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunxie.bot.command.Replies;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/**
 * Vote cards: a poll or cost share sent to a member as a WeCom template card with a button per option.
 * A click arrives at the app callback as a card event; it is cast like a typed ballot, the card's buttons
 * are replaced by what was recorded (the response code is good once, for 72 hours), and the full read-back
 * follows as a message.
 */
@Component
class VoteCards {

    static final String EVENT = "template_card_event";
    /** WeCom shows at most six buttons on a card. */
    static final int MAX_BUTTONS = 6;
    private static final Pattern KEY = Pattern.compile("vote:(\\d+):([A-J])");
    private static final Logger log = LoggerFactory.getLogger(VoteCards.class);

    private final WxCpService wecom;
    private final WecomSettings settings;
    private final Rounds rounds;
    private final Ballots ballots;
    private final Roster roster;
    private final CastingBallot casting;
    private final Replies replies;
    private final Clock clock;

    VoteCards(WxCpService wecom, WecomSettings settings, Rounds rounds, Ballots ballots, Roster roster,
              CastingBallot casting, Replies replies, Clock clock) {
        this.wecom = wecom;
        this.settings = settings;
        this.rounds = rounds;
        this.ballots = ballots;
        this.roster = roster;
        this.casting = casting;
        this.replies = replies;
        this.clock = clock;
    }

    /** Sends a card to every member with a WeCom userid whose household has not responded; returns how many. */
    int sendToNonResponders(Round round) {
        List<OptionSpec> options = rounds.options(round.id());
        Set<Long> responded = new HashSet<>(ballots.respondedHouseholds(round.id()));
        Set<String> sent = new HashSet<>();
        for (RollHousehold household : rounds.roll(round.id())) {
            if (responded.contains(household.householdId())) {
                continue;
            }
            for (Binding binding : roster.bindingsOfHousehold(household.householdId())) {
                userid(binding.memberId()).filter(sent::add)
                        .ifPresent(userid -> send(round, options, binding.memberId(), userid));
            }
        }
        return sent.size();
    }

    /**
     * A click on a card, taken in at {@code sentAt}: casts the ballot, updates the card, and returns the read-back
     * to send as text.
     */
    String clicked(WxCpXmlMessage event, Instant sentAt) {
        Matcher key = KEY.matcher(String.valueOf(event.getEventKey()));
        Member member = roster.member(new ChatIdentity(IdentityKind.WECOM_USER, event.getFromUserName())).orElse(null);
        if (!key.matches() || member == null) {
            return replies.text("reply.not-bound").text();
        }
        Result<BallotRecorded> recorded = casting.cast(BallotRequest.by(member, Long.parseLong(key.group(1)),
                null, List.of(key.group(2)), Channel.WECOM_APP).sentAt(sentAt));
        Wording wording = replies.wording();
        String button = recorded instanceof Result.Done<BallotRecorded> done
                ? wording.text("card.recorded", done.value().chosen().get(0).label(), done.value().receipt())
                : wording.text("card.refused");
        updateCard(event, button);
        return recorded.isDone() ? readBack(recorded.orElseThrow()) : replies.refusal(recorded).text();
    }

    private String readBack(BallotRecorded recorded) {
        return replies.wording().text("ballot.chosen", replies.wording().text(recorded.changed()
                        ? "ballot.changed" : "ballot.recorded"), recorded.unitLabel(), recorded.round().number(),
                recorded.chosen().get(0).label(), recorded.receipt());
    }

    private void send(Round round, List<OptionSpec> options, long memberId, String userid) {
        List<TemplateCardButton> buttons = options.stream().limit(MAX_BUTTONS)
                .map(option -> TemplateCardButton.builder().text(option.label()).style(option.position() == 1 ? 1 : 2)
                        .key("vote:" + round.id() + ":" + option.key()).build())
                .toList();
        WxCpMessage card = WxCpMessage.TEMPLATECARD().agentId(settings.agentId()).toUser(userid)
                .cardType("button_interaction")
                .mainTitleTitle("#" + round.number() + " " + replies.wording().label("kind", round.kind()))
                .mainTitleDesc(round.title())
                .subTitleText(replies.wording().text("card.deadline", replies.wording().time(round.closingAt())))
                .taskId("yx" + round.id() + "m" + memberId + "t" + clock.millis())
                .buttons(buttons)
                .build();
        try {
            wecom.getMessageService().send(card);
        } catch (WxErrorException e) {
            log.warn("Vote card of round {} not delivered to a member: {}", round.id(), e.getError().getErrorCode());
        }
    }

    private void updateCard(WxCpXmlMessage event, String replaceName) {
        if (event.getResponseCode() == null || event.getResponseCode().isBlank()) {
            return;
        }
        try {
            wecom.getTaskCardService().updateTemplateCardButton(List.of(event.getFromUserName()), null, null, null,
                    event.getResponseCode(), replaceName);
        } catch (WxErrorException e) {
            // The ballot is recorded and the read-back still goes out as a message.
            log.warn("Vote card not updated: {}", e.getError().getErrorCode());
        }
    }

    private Optional<String> userid(long memberId) {
        return roster.identities(memberId).stream().filter(identity -> identity.kind() == IdentityKind.WECOM_USER)
                .map(ChatIdentity::externalId).findFirst();
    }
}
