package org.yunxie.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.yunxie.core.outbox.PublishingOutbox;
import org.yunxie.core.outcome.ClosingDueRounds;

@DisallowConcurrentExecution
class PublishingOutboxJob extends QuartzJobBean {

    static final int BATCH = 100;
    static final java.time.Duration MAX_RUN = java.time.Duration.ofMinutes(1);

    private final PublishingOutbox publishing;
    private final ClosingDueRounds closing;

    PublishingOutboxJob(PublishingOutbox publishing, ClosingDueRounds closing) {
        this.publishing = publishing;
        this.closing = closing;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        // Closing comes first: while a consultation day's rounds are being closed, the announcements (which
        // closing itself queues) wait for the next runs, and the closers get the machine and the database.
        // A full batch means more may be due: keep going (for a while) rather than wait for the next run.
        long until = System.nanoTime() + MAX_RUN.toNanos();
        while (!closing.stormUnderWay() && publishing.publishDue(BATCH) == BATCH && System.nanoTime() < until) {
            // next batch
        }
    }
}
