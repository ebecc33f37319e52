package org.yunxie.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.yunxie.core.outbox.PublishingOutbox;

@DisallowConcurrentExecution
class PublishingOutboxJob extends QuartzJobBean {

    private final PublishingOutbox publishing;

    PublishingOutboxJob(PublishingOutbox publishing) {
        this.publishing = publishing;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        publishing.publishDue(100);
    }
}
