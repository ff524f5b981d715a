package jp.foodtrace.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import jp.foodtrace.testsupport.FaultInjectingProxy;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestPlatform;

/**
 * The real platform, with the service's SES client pointed at a {@link FaultInjectingProxy} in
 * front of the platform's SES endpoint instead of at the endpoint itself, and timeouts and backoff
 * short enough for a test. The proxy starts refusing; the test injects it and sets its mode.
 */
public class SesFaultProxyResource extends SuitePlatformResource {

    /** Short enough to keep the test fast, long enough for the endpoint on a busy 2-core machine. */
    static final String SOCKET_TIMEOUT = "2S";
    static final String INITIAL_BACKOFF = "PT1S";

    private FaultInjectingProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            proxy = FaultInjectingProxy.refusingTo("127.0.0.1", TestPlatform.current().config().sesPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("quarkus.ses.endpoint-override", "http://127.0.0.1:" + proxy.port());
        config.put("quarkus.ses.sync-client.connection-timeout", "1S");
        config.put("quarkus.ses.sync-client.socket-timeout", SOCKET_TIMEOUT);
        config.put("suite.mail.retry.initial-backoff", INITIAL_BACKOFF);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(FaultInjectingProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException e) {
                // The JVM is ending anyway.
            }
        }
        super.stop();
    }
}
