package jp.foodtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionContractTest {

    @Test
    void onlyReferencesWithoutADefaultOutsideAProfileAreRequired(@TempDir Path root) throws IOException {
        Path resources = Files.createDirectories(root.resolve("mail-service/src/main/resources"));
        Files.writeString(resources.resolve("application.properties"), """
                # a comment with ${NOT_A_SETTING}
                kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS}
                suite.mail.unsubscribe.key=${SUITE_MAIL_UNSUBSCRIBE_KEY}
                suite.gateway.trusted-proxies=${SUITE_GATEWAY_TRUSTED_PROXIES:}
                %local,dev,test.suite.mail.unsubscribe.key=${LOCAL_ONLY}
                quarkus.http.port=8084
                """);
        assertEquals(Set.of("KAFKA_BOOTSTRAP_SERVERS", "SUITE_MAIL_UNSUBSCRIBE_KEY"),
                ProductionContract.required(root, SuiteService.MAIL_SERVICE));
    }

    @Test
    void everyServiceRequiresItsConnectionsAndEverySecretIsRequiredBySomeService() {
        Path root = PlatformConfig.findRoot();
        Set<String> all = new java.util.HashSet<>();
        for (SuiteService service : SuiteService.values()) {
            Set<String> required = ProductionContract.required(root, service);
            assertTrue(required.containsAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")), service.module() + ": " + required);
            all.addAll(required);
        }
        assertTrue(all.containsAll(ProductionContract.SECRETS), all.toString());
    }
}
