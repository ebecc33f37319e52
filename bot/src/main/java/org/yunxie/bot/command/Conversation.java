package org.yunxie.bot.command;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.yunxie.core.ballot.ReadingAheadForBallots;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.BoundMember;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.staff.Staff;
import org.yunxie.core.staff.StaffDirectory;

/**
 * Every channel hands what residents and staff type to this one place: it reads the message, works out who
 * is speaking and where, runs the command and returns the reply. Whatever is typed, the sender gets an
 * answer: unknown input gets help, and a failure inside gets a polite apology with nothing recorded.
 */
@Service
public class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final CommandRegistry registry;
    private final CommandParser parser;
    private final Roster roster;
    private final StaffDirectory staff;
    private final Replies replies;
    private final ReadingAheadForBallots readingAhead;

    Conversation(CommandRegistry registry, Roster roster, StaffDirectory staff, Replies replies,
                 ReadingAheadForBallots readingAhead) {
        this.registry = registry;
        this.parser = new CommandParser(registry.words());
        this.roster = roster;
        this.staff = staff;
        this.replies = replies;
        this.readingAhead = readingAhead;
    }

    /** A message to answer: who sent it, and what they wrote, read once ({@link #read}). */
    public record Said(Sender sender, CommandLine line) {
    }

    /** Reads a message for {@link #readAhead} and {@link #handleOrRetryLater(Said)}. */
    public Said read(Sender sender, String text) {
        return new Said(sender, parser.parse(text));
    }

    /**
     * For messages about to be answered one after the other in one transaction: when every one of them only
     * casts a ballot, reads what they will all need at once ({@link ReadingAheadForBallots}). Call it inside that
     * transaction; otherwise each command reads for itself as it runs.
     */
    public void readAhead(List<Said> messages) {
        if (messages.size() < 2 || !messages.stream().allMatch(said -> commandFor(said.line()).castsBallotsOnly())) {
            return;
        }
        readingAhead.readFor(messages.stream().map(said -> new ReadingAheadForBallots.Voter(
                said.sender().identity(), said.sender().group() == null ? null : said.sender().group().id()))
                .toList());
    }

    public Reply handle(Sender sender, String text) {
        return handle(sender, parser.parse(text), false);
    }

    /**
     * As {@link #handle}, except that a failure of the database itself (unreachable, connection lost, a
     * deadlock still failing after the retries) is thrown instead of answered with an apology: for the
     * channels that keep the message in the inbox and process it again when the database is back (the WeCom
     * app and smart robot), so that the vote is recorded then rather than lost with a "please send again".
     */
    public Reply handleOrRetryLater(Sender sender, String text) {
        return handle(sender, parser.parse(text), true);
    }

    /** As {@link #handleOrRetryLater(Sender, String)}, for a message read already. */
    public Reply handleOrRetryLater(Said said) {
        return handle(said.sender(), said.line(), true);
    }

    private Reply handle(Sender sender, CommandLine line, boolean rethrowOutages) {
        try {
            Invocation invocation = new Invocation(line, sender, speaker(sender));
            Command command = commandFor(line);
            if (command.staffOnly() && !invocation.speaker().runsRounds()) {
                return replies.text("reply.staff-only", command.name());
            }
            return command.run(invocation);
        } catch (RuntimeException e) {
            if (rethrowOutages && outage(e)) {
                throw e;
            }
            // Never the message text in the log: it is a resident's. The transaction rolled back.
            log.error("Could not handle a message from {} via {}", sender.identity().kind(), sender.channel(), e);
            return replies.text("reply.failed");
        }
    }

    /** Whether a failure is the database's (it will pass), not the command's. */
    static boolean outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    private Command commandFor(CommandLine line) {
        Optional<Command> named = registry.find(line.verb());
        if (named.isPresent()) {
            return named.get();
        }
        boolean saysSomething = !line.words().isEmpty() || line.round() != null;
        return registry.find(saysSomething ? VoteCommand.NAME : "帮助").orElseThrow();
    }

    private Speaker speaker(Sender sender) {
        BoundMember known = roster.boundMember(sender.identity()).orElse(null);
        Member member = known == null ? null : known.member();
        List<Binding> bindings = known == null ? List.of() : known.bindings();
        ChatGroup group = sender.group();
        boolean wecomUser = sender.identity().kind() == IdentityKind.WECOM_USER;
        if (group != null) {
            long community = group.communityId();
            return new Speaker(member, bindings, () -> wecomUser
                    ? staff.inCommunity(community, sender.identity().externalId()).orElse(null) : null, group,
                    community);
        }
        Long community = onlyCommunity(bindings);
        if (!wecomUser) {
            return new Speaker(member, bindings, () -> null, null, community);
        }
        // A 1:1 chat: staff of exactly one community speak about it, however they are bound.
        List<Staff> roles = staff.byWecomUserid(sender.identity().externalId());
        Staff staffMember = roles.stream().filter(role -> community == null || role.communityId() == community)
                .findFirst().orElse(null);
        if (community == null && staffMember != null && roles.size() == 1) {
            return new Speaker(member, bindings, () -> staffMember, null, staffMember.communityId());
        }
        return new Speaker(member, bindings, () -> staffMember, null, community);
    }

    private static Long onlyCommunity(List<Binding> bindings) {
        List<Long> communities = bindings.stream().map(Binding::communityId).distinct().toList();
        return communities.size() == 1 ? communities.get(0) : null;
    }
}
