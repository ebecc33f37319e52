package org.yunxie.bot.channel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.outbox.PublishingOutbox;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.proposal.SubmittingProposal;
import org.yunxie.core.proposal.SupportingProposal;
import org.yunxie.core.reminder.RemindingNonResponders;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.CancellingRound;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.ExtendingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * Runs on the database the environment names (YUNXIE_DB_URL, as in CI), else on an in-memory H2. Quartz
 * stays off so that the tests, not a job, publish the outbox.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${yunxie.db.url:jdbc:h2:mem:bot-publisher;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1}",
        "spring.quartz.auto-startup=false",
        "yunxie.demo.enabled=false",
        "yunxie.ballot.seal-key=dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw=="})
@ExtendWith(OutputCaptureExtension.class)
class LoggingPublisherTest {

    private static final Actor STAFF = Actor.staff("s1", "社工 李娟");
    private static final String RESIDENT = "居民某某";

    @Autowired
    KeepingRoster roster;
    @Autowired
    ChatGroups groups;
    @Autowired
    IssuingBindingCode issuing;
    @Autowired
    BindingMember binding;
    @Autowired
    DraftingRound drafting;
    @Autowired
    OpeningRound opening;
    @Autowired
    CastingBallot casting;
    @Autowired
    ClosingRound closing;
    @Autowired
    RemindingNonResponders reminding;
    @Autowired
    ExtendingRound extending;
    @Autowired
    CancellingRound cancelling;
    @Autowired
    SubmittingProposal submitting;
    @Autowired
    SupportingProposal supporting;
    @Autowired
    PublishingOutbox publishing;
    @Autowired
    Clock clock;

    @Test
    void announcesAClosedPollsOutcomeInChineseWithItsVerdictAndFigures(CapturedOutput output) {
        Place place = place("80.00", "90.50", "100.25", "75.60");
        Round poll = open(RoundDraft.poll(place.community.id(), place.group.id(), "9号楼外墙清洗，您是否同意？", inADay()));
        cast(poll, place, 0, "A");
        cast(poll, place, 1, "A");
        cast(poll, place, 2, "B");
        closing.close(poll.id(), STAFF, Channel.CONSOLE).orElseThrow();

        publishAll();

        assertThat(lineAbout(output, "OUTCOME to group " + place.group.id() + " ")).contains(
                "#1 结果：9号楼外墙清洗，您是否同意？",
                "结论：通过（规则：参与户过半数同意）",
                "参与 3/4 户，面积 270.75/346.35 ㎡",
                "同意 2 户（170.50 ㎡）、反对 1 户（100.25 ㎡）、弃权 0 户（0.00 ㎡）");
        assertThat(lineAbout(output, "ROUND_OPENED to group " + place.group.id() + " "))
                .contains("#1 表决开始：9号楼外墙清洗，您是否同意？", "共 4 户", "选项：A 同意、B 反对、C 弃权");
        assertThat(output.getOut()).doesNotContain(RESIDENT);
    }

    @Test
    void announcesRemindersExtensionsCancellationsAndFlaggedProposalsWithoutResidentsWords(CapturedOutput output) {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = open(RoundDraft.poll(place.community.id(), place.group.id(), "9号楼加装雨棚", inADay()));
        cast(poll, place, 0, "A");
        reminding.remindNow(poll.id(), STAFF, Channel.CONSOLE).orElseThrow();
        extending.extend(poll.id(), inADay().plus(Duration.ofDays(2)), "等待外地业主回复", STAFF, Channel.CONSOLE)
                .orElseThrow();
        cancelling.cancel(poll.id(), "方案需要调整", STAFF, Channel.CONSOLE).orElseThrow();
        Round call = open(RoundDraft.proposalCall(place.community.id(), place.group.id(), "小区停车征集建议", 1,
                inADay()));
        String proposal = "建议把东门旁的空地改成非机动车停车棚";
        submitting.submit(call.id(), place.members.get(1), place.households.get(1).id(), proposal, Channel.WECOM_APP)
                .orElseThrow();
        supporting.support(place.community.id(), 1, place.members.get(2), place.households.get(2).id(),
                Channel.WECOM_APP).orElseThrow();

        publishAll();

        String group = " to group " + place.group.id() + " ";
        assertThat(lineAbout(output, "REMINDER" + group)).contains("#1 提醒：9号楼加装雨棚", "还有 2/3 户未回复",
                "未回复：9-1-102、9-1-103");
        assertThat(lineAbout(output, "ROUND_EXTENDED" + group)).contains("#1 延期：9号楼加装雨棚", "原因：等待外地业主回复");
        assertThat(lineAbout(output, "ROUND_CANCELLED" + group)).contains("#1 已取消：9号楼加装雨棚", "原因：方案需要调整");
        assertThat(lineAbout(output, "PROPOSAL_FLAGGED" + group)).contains("提案 P1 已获 1 户附议（#2）");
        assertThat(output.getOut()).doesNotContain(proposal, RESIDENT);
    }

    /** A new community with one building (9-1-101, 9-1-102 ...) and one bound owner per household. */
    private Place place(String... areas) {
        Community community = roster.registerCommunity("测试社区-" + UUID.randomUUID(), STAFF, Channel.CONSOLE);
        Building building = roster.registerBuilding(community.id(), "9号楼", STAFF, Channel.CONSOLE);
        List<Household> households = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < areas.length; i++) {
            Household household = roster.registerHousehold(building, "9-1-" + (101 + i), new BigDecimal(areas[i]),
                    null, STAFF, Channel.CONSOLE);
            String code = issuing.issue(household.id(), MemberRole.OWNER, Duration.ofDays(1), STAFF, Channel.CONSOLE)
                    .orElseThrow().code();
            households.add(household);
            members.add(binding.bind(new ChatIdentity(IdentityKind.WECOM_USER, "u-" + UUID.randomUUID()), RESIDENT,
                    code, Channel.WECOM_APP).orElseThrow().memberId());
        }
        ChatGroup group = groups.register(community.id(), "9号楼业主群", List.of(building.id()), STAFF, Channel.CONSOLE);
        return new Place(community, group, households, members);
    }

    private record Place(Community community, ChatGroup group, List<Household> households, List<Long> members) {
    }

    private Round open(RoundDraft.Builder draft) {
        Round drafted = drafting.draft(draft.build(), STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), STAFF, Channel.CONSOLE).orElseThrow();
    }

    private void cast(Round round, Place place, int index, String option) {
        casting.cast(new BallotRequest(round.id(), place.members.get(index), place.households.get(index).id(),
                List.of(option), Channel.WECOM_APP)).orElseThrow();
    }

    private Instant inADay() {
        return clock.instant().plus(Duration.ofDays(1));
    }

    private void publishAll() {
        while (publishing.publishDue(500) > 0) {
            // A shared database may hold other tests' messages: publish until nothing is due.
        }
    }

    private static String lineAbout(CapturedOutput output, String marker) {
        return output.getOut().lines().filter(line -> line.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with \"" + marker + "\" in:\n" + output.getOut()));
    }
}
