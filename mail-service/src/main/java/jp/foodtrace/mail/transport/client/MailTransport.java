package jp.foodtrace.mail.transport.client;

/** Hands a composed message to the outside world; returns the id the other side gave it. */
public interface MailTransport {

    /** {@code ses} or {@code smtp}; recorded in the mail log. */
    String name();

    String send(OutgoingMail mail) throws TransportFailure;
}
