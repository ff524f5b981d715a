package jp.foodtrace.testsupport;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.SuiteService;

/**
 * Starts the real platform parts a service's tests need and points Quarkus at them. Use as
 * {@code @WithTestResource(value = SuitePlatformResource.class, initArgs = {
 * @ResourceArg(name = "service", value = "order-service"), @ResourceArg(name = "parts", value = "KAFKA")})}.
 */
public class SuitePlatformResource implements QuarkusTestResourceLifecycleManager {

    private SuiteService service;
    private Set<Platform.Part> parts = EnumSet.of(Platform.Part.KAFKA);

    @Override
    public void init(Map<String, String> initArgs) {
        service = SuiteService.byModule(initArgs.get("service"));
        String wanted = initArgs.getOrDefault("parts", "KAFKA");
        parts = EnumSet.noneOf(Platform.Part.class);
        Arrays.stream(wanted.split(",")).map(String::trim).map(Platform.Part::valueOf).forEach(parts::add);
    }

    @Override
    public Map<String, String> start() {
        TestPlatform.start(service.module(), parts);
        return TestPlatform.quarkusConfig(service);
    }

    @Override
    public void stop() {
        // The platform lives for the whole test JVM (a shutdown hook stops it), so that test
        // classes sharing it do not each pay for a broker start.
    }
}
