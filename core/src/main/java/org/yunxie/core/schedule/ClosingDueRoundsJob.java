package org.yunxie.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.yunxie.core.outcome.ClosingDueRounds;

@DisallowConcurrentExecution
class ClosingDueRoundsJob extends QuartzJobBean {

    static final int BATCH = 500;

    private final ClosingDueRounds closing;

    ClosingDueRoundsJob(ClosingDueRounds closing) {
        this.closing = closing;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        while (closing.closeDue(BATCH) == BATCH) {
            // A full batch means more may be due: keep going rather than wait for the next run.
        }
    }
}
