package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * One way of writing a bounce: a mail server's own layout or a standard. A format answers
 * {@code null} quickly when the message is not its own; otherwise one {@link Delivery} per
 * recipient it could read.
 */
public interface BounceFormat {
    /** Name reported as the reporting agent, e.g. {@code Postfix}. */
    String name();

    List<Delivery> parse(MailMessage mail);
}
