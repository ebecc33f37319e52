package org.yunxie.bot.channel.mp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunxie.bot.h5.PublicAddress;
import org.yunxie.bot.h5.SignedLinks;
import org.yunxie.bot.ratelimit.RateLimiter;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outbox.PublishLater;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * Sends a member's notice (a round concerning their home opened; it closes soon and the home has not
 * replied) through the official account, as a template message or a one-time subscribe message, with a
 * signed link to the round's page. Within a per-minute budget; the outbox sends each notice once.
 */
@Component
public class MpNotices {

    static final int PER_MINUTE = 600;
    private static final Logger log = LoggerFactory.getLogger(MpNotices.class);
    private static final Duration LINK_AFTER_DEADLINE = Duration.ofDays(7);

    private final WxMpService officialAccount;
    private final MpSettings settings;
    private final Roster roster;
    private final Rounds rounds;
    private final SignedLinks links;
    private final PublicAddress address;
    private final RateLimiter limiter;
    private final Wording wording;

    MpNotices(WxMpService officialAccount, MpSettings settings, Roster roster, Rounds rounds, SignedLinks links,
              PublicAddress address, RateLimiter limiter, Wording wording) {
        this.officialAccount = officialAccount;
        this.settings = settings;
        this.roster = roster;
        this.rounds = rounds;
        this.links = links;
        this.address = address;
        this.limiter = limiter;
        this.wording = wording;
    }

    public void publish(OutboxMessage message) throws PublishLater, WxErrorException {
        Optional<String> openid = roster.identities(message.memberId()).stream()
                .filter(identity -> identity.kind() == IdentityKind.MP_OPENID).map(ChatIdentity::externalId).findFirst();
        Round round = rounds.find(message.roundId()).orElse(null);
        if (openid.isEmpty() || round == null || !settings.configured()) {
            log.warn("Notice {} not sent: no openid, no round or no official account configured", message.id());
            return;
        }
        Optional<Instant> later = limiter.take("mp-notice", PER_MINUTE, Duration.ofMinutes(1), 1);
        if (later.isPresent()) {
            throw new PublishLater(later.get());
        }
        Map<String, Object> facts = Outbox.facts(message);
        String headline = message.kind() == OutboxKind.REMINDER
                ? wording.text("notice.reminder", round.number(), facts.get("unitLabel"))
                : wording.text("notice.opened", round.number(), wording.label("kind", round.kind()), round.title());
        String link = address.url() + links.path(SignedLinks.Target.ROUND, round.id(),
                round.closingAt().plus(LINK_AFTER_DEADLINE));
        String unit = wording.text("notice.unit", facts.get("unitLabel"));
        String deadline = wording.text("notice.deadline", wording.time(round.closingAt()));
        if (settings.noticeKind() == MpSettings.NoticeKind.SUBSCRIBE) {
            officialAccount.getSubscribeMsgService().sendOnce(WxMpSubscribeMessage.builder().toUser(openid.get())
                    .templateId(settings.noticeTemplateId()).scene("1").url(link).title(headline)
                    .contentValue(unit + "\n" + deadline + "\n" + wording.text("notice.open")).build());
        } else {
            officialAccount.getTemplateMsgService().sendTemplateMsg(WxMpTemplateMessage.builder().toUser(openid.get())
                    .templateId(settings.noticeTemplateId()).url(link)
                    .data(List.of(new WxMpTemplateData("first", headline), new WxMpTemplateData("keyword1", unit),
                            new WxMpTemplateData("keyword2", deadline),
                            new WxMpTemplateData("remark", wording.text("notice.open"))))
                    .build());
        }
    }
}
