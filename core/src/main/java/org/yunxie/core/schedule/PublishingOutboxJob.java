package org.yunxie.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.yunxie.core.outbox.PublishingOutbox;

@DisallowConcurrentExecution
class PublishingOutboxJob extends QuartzJobBean {

    static final int BATCH = 100;
    static final java.time.Duration MAX_RUN = java.time.Duration.ofMinutes(1);

    private final PublishingOutbox publishing;

    PublishingOutboxJob(PublishingOutbox publishing) {
        this.publishing = publishing;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        // A full batch means more may be due: keep going (for a while) rather than wait for the next run.
        long until = System.nanoTime() + MAX_RUN.toNanos();
        while (publishing.publishDue(BATCH) == BATCH && System.nanoTime() < until) {
            // next batch
        }
    }
}
