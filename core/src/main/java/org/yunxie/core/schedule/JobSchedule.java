package org.yunxie.core.schedule;

import java.time.Duration;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring jobs, stored in Quartz's clustered JDBC job store: each run happens on one instance only,
 * and a run missed while everything was down fires at the next start.
 */
@Configuration(proxyBeanMethods = false)
class JobSchedule {

    @Bean
    JobDetail closingDueRoundsJob() {
        return durable(ClosingDueRoundsJob.class, "closing-due-rounds");
    }

    @Bean
    Trigger closingDueRoundsTrigger(@Value("${yunxie.jobs.closing-interval:5s}") Duration every) {
        return every(closingDueRoundsJob(), every);
    }

    @Bean
    JobDetail sendingRemindersJob() {
        return durable(SendingRemindersJob.class, "sending-reminders");
    }

    @Bean
    Trigger sendingRemindersTrigger(@Value("${yunxie.jobs.reminder-interval:30s}") Duration every) {
        return every(sendingRemindersJob(), every);
    }

    @Bean
    JobDetail publishingOutboxJob() {
        return durable(PublishingOutboxJob.class, "publishing-outbox");
    }

    @Bean
    Trigger publishingOutboxTrigger(@Value("${yunxie.jobs.outbox-interval:3s}") Duration every) {
        return every(publishingOutboxJob(), every);
    }

    private static JobDetail durable(Class<? extends Job> job, String name) {
        return JobBuilder.newJob(job).withIdentity(name, "yunxie").storeDurably().build();
    }

    private static Trigger every(JobDetail job, Duration interval) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName() + "-trigger", "yunxie")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow().build();
    }
}
