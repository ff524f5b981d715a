package jp.foodtrace.bounce.ses.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.service.BounceRecorder;

/**
 * Takes SES notifications delivered by SNS: bounces and complaints become bounce facts, stored
 * and published like those found in S3. Idempotent by SNS MessageId (it is part of each fact's
 * unique key), so SNS's redeliveries record nothing new.
 */
@ApplicationScoped
public class SesIntake {

    /** What one notification gave: facts found in it and how many of them were new. */
    public record Result(int found, int recorded) {
    }

    private static final Logger LOG = Logger.getLogger(SesIntake.class);

    private final SesNotifications notifications;
    private final BounceRecorder recorder;

    public SesIntake(ObjectMapper json, BounceRecorder recorder) {
        this.notifications = new SesNotifications(json);
        this.recorder = recorder;
    }

    public SesNotifications.SnsMessage envelope(String body) {
        return notifications.envelope(body);
    }

    @Transactional
    public Result notification(SesNotifications.SnsMessage message) {
        List<Bounce> facts = notifications.facts(message.messageId(), message.message());
        int recorded = recorder.record(facts);
        LOG.infof("SNS message %s: %d fact(s), %d new", message.messageId(), facts.size(), recorded);
        return new Result(facts.size(), recorded);
    }
}
