package jp.foodtrace.mail.transport.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.MessageTag;
import software.amazon.awssdk.services.ses.model.RawMessage;
import software.amazon.awssdk.services.ses.model.SendRawEmailRequest;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * Sends through the SES API v1 {@code SendRawEmail} (v1 takes any header we compose, including
 * the RFC 8058 ones), with the configuration set and the tags {@code category} and
 * {@code request-id} that SES event publishing carries back. The client it is given must not retry
 * on its own (see {@code MailBeans}): whether a failed call may be repeated is decided here, by
 * {@link #classify}, and acted on by the dispatcher.
 */
public final class SesMailTransport implements MailTransport {

    /** SES error codes that mean "not now": the same call may succeed later. */
    private static final Set<String> RETRIABLE_CODES = Set.of("Throttling", "ThrottlingException",
            "ServiceUnavailable", "InternalFailure", "RequestTimeout", "TooManyRequestsException");

    private final SesClient ses;
    private final String configurationSet;

    public SesMailTransport(SesClient ses, String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public String send(OutgoingMail mail) throws TransportFailure {
        SendRawEmailRequest request = SendRawEmailRequest.builder()
                .rawMessage(RawMessage.builder().data(SdkBytes.fromByteArray(mail.rawMessage())).build())
                .destinations(mail.recipient())
                .configurationSetName(configurationSet)
                .tags(List.of(
                        MessageTag.builder().name("category").value(mail.category().wireName()).build(),
                        MessageTag.builder().name("request-id").value(tagValue(mail.requestId())).build()))
                .build();
        try {
            return ses.sendRawEmail(request).messageId();
        } catch (SdkException e) {
            TransportFailure.Kind kind = classify(e);
            String what = switch (kind) {
                case AMBIGUOUS -> "no answer from SES for request ";
                case TRANSIENT, PERMANENT -> "SES refused request ";
            };
            throw new TransportFailure(what + mail.requestId() + ": " + e.getMessage(), kind, e);
        }
    }

    /**
     * What a failed {@code SendRawEmail} call means for the message, decided by exception type:
     * <ul>
     * <li>SES answered ({@link SesException}): throttling (also "Maximum sending rate exceeded",
     * code Throttling) and 5xx did not send and may pass later; anything else SES said (message
     * rejected, configuration set missing, account paused) will not;</li>
     * <li>the connection was never made ({@link ConnectException}, {@link UnknownHostException},
     * {@link NoRouteToHostException}, a failed TLS handshake, a connect timeout): nothing was sent;</li>
     * <li>any other I/O failure (read timeout, connection reset, end of stream before the answer)
     * or an SDK call timeout: the request may have reached SES and been sent; AMBIGUOUS;</li>
     * <li>a client-side failure without I/O (credentials, request marshalling): raised before
     * anything was written, so retriable.</li>
     * </ul>
     */
    static TransportFailure.Kind classify(SdkException e) {
        if (e instanceof SesException ses) {
            String code = ses.awsErrorDetails() == null ? null : ses.awsErrorDetails().errorCode();
            boolean retriable = ses.statusCode() >= 500 || ses.isThrottlingException()
                    || (code != null && RETRIABLE_CODES.contains(code));
            return retriable ? TransportFailure.Kind.TRANSIENT : TransportFailure.Kind.PERMANENT;
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (neverConnected(cause)) {
                return TransportFailure.Kind.TRANSIENT;
            }
            if (cause instanceof IOException) {
                return TransportFailure.Kind.AMBIGUOUS;
            }
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return TransportFailure.Kind.AMBIGUOUS;
        }
        return TransportFailure.Kind.TRANSIENT;
    }

    /**
     * The failure happened while opening the connection, before a byte of the request was written.
     * A connect timeout has no type of its own in {@code java.net} (it is a
     * {@link SocketTimeoutException}, like a read timeout), so it is recognised by the operation that
     * threw it, {@code Socket.connect}, rather than by its message.
     */
    static boolean neverConnected(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                || t instanceof SSLHandshakeException) {
            return true;
        }
        if (t instanceof SocketTimeoutException) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if ("java.net.Socket".equals(frame.getClassName()) && "connect".equals(frame.getMethodName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SES tag values allow letters, digits, '_' and '-' only. */
    static String tagValue(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
    }
}
