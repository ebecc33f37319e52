package org.yunxie.core.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.yunxie.core.reminder.RemindingNonResponders;

@DisallowConcurrentExecution
class SendingRemindersJob extends QuartzJobBean {

    private final RemindingNonResponders reminding;

    SendingRemindersJob(RemindingNonResponders reminding) {
        this.reminding = reminding;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        reminding.due(200).forEach(reminding::sendDue);
    }
}
