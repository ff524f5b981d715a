package jp.foodtrace.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployment must give each service: the environment variables its production profile
 * requires, read from the service's own {@code application.properties} (every {@code ${VAR}}
 * without a default in a key without a profile). The deployment checks (CDK and Kubernetes) test
 * against this, so a variable a service starts to require fails them until every deployment sets it.
 */
public final class ProductionContract {

    /** Variables that are secrets by contract: only ever from a secret store, never plain environment. */
    public static final Set<String> SECRETS = Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "SUITE_GATEWAY_ADMIN_TOKEN", "SUITE_SYNC_ADMIN_TOKEN", "SUITE_OPS_TOKEN", "SUITE_MAIL_UNSUBSCRIBE_KEY");

    /** A reference without a default: {@code ${NAME}}, not {@code ${NAME:default}}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private ProductionContract() {
    }

    /** The variables {@code service} does not start without in the production profile. */
    public static Set<String> required(Path root, SuiteService service) {
        return required(root, service.module());
    }

    /** The variables the application in {@code module} (a service or the ops console) requires in production. */
    public static Set<String> required(Path root, String module) {
        Path file = root.resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> required = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            Matcher m = REQUIRED.matcher(properties.getProperty(key));
            while (m.find()) {
                required.add(m.group(1));
            }
        }
        return required;
    }
}
