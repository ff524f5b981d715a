package jp.foodtrace.deploy;

import jp.foodtrace.platform.SuiteService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's {@code src/main/docker/Dockerfile.jvm} against the build: what it copies is the
 * fast-jar layout that the Quarkus build writes to {@code target/quarkus-app} (checked on disk
 * too where the service has been packaged), its {@code .dockerignore} lets exactly that through,
 * it runs as a non-root user, exposes the API and management ports and checks its health on the
 * management port with a tool its base image has. No container engine is needed.
 */
class DockerfilesTest {

    static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    static final String LAYOUT = "target/quarkus-app/";
    /**
     * The fast-jar layout (Quarkus' default package type): dependencies in lib/, the launcher
     * quarkus-run.jar, the application's own jar in app/, generated classes in quarkus/.
     */
    static final Set<String> LAYOUT_SOURCES = Set.of(LAYOUT + "lib/", LAYOUT + "*.jar", LAYOUT + "app/",
            LAYOUT + "quarkus/");
    /** A file each layout source must deliver, to check a .dockerignore lets it through. */
    static final Map<String, String> SAMPLE = Map.of(
            LAYOUT + "lib/", LAYOUT + "lib/main/io.quarkus.quarkus-core.jar",
            LAYOUT + "*.jar", LAYOUT + "quarkus-run.jar",
            LAYOUT + "app/", LAYOUT + "app/service.jar",
            LAYOUT + "quarkus/", LAYOUT + "quarkus/quarkus-application.dat");
    /** HTTP clients present in a base image, by image repository. */
    static final Map<String, Set<String>> TOOLS_OF_BASE = Map.of("eclipse-temurin", Set.of("curl", "wget"));
    static final int HTTP_PORT = 8080;
    static final int MANAGEMENT_PORT = 9080;

    record Instruction(String keyword, String arguments) {
    }

    /** Instructions with continuation lines joined, comments and blank lines left out. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n", -1)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
        }
        return instructions;
    }

    static List<Instruction> all(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** Every problem of one service's Dockerfile; empty when it fits the build. */
    static List<String> problems(String dockerfile, String dockerignore, Path module) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Instruction> instructions = parse(dockerfile);

        List<Instruction> from = all(instructions, "FROM");
        if (from.size() != 1) {
            problems.add("one stage expected (the application is built by Maven, not in the image): " + from);
            return problems;
        }
        String base = from.get(0).arguments();
        if (!base.matches("eclipse-temurin:17(\\.[0-9._]+)?-jre(-[a-z]+)?")) {
            problems.add("base image must be a JRE 17 (eclipse-temurin:17-jre...): " + base);
        }
        String repository = base.contains(":") ? base.substring(0, base.indexOf(':')) : base;

        List<String> copied = new ArrayList<>();
        for (Instruction copy : all(instructions, "COPY")) {
            List<String> words = new ArrayList<>(Arrays.asList(copy.arguments().split("\\s+")));
            words.removeIf(w -> w.startsWith("--chown") || w.startsWith("--chmod") || w.startsWith("--link"));
            if (words.stream().anyMatch(w -> w.startsWith("--"))) {
                problems.add("unexpected COPY option: " + copy.arguments());
                continue;
            }
            String target = words.get(words.size() - 1);
            for (String source : words.subList(0, words.size() - 1)) {
                copied.add(source);
                if (!LAYOUT_SOURCES.contains(source)) {
                    problems.add("COPY " + source + " is not part of the quarkus-app layout " + LAYOUT_SOURCES);
                }
                if (!target.startsWith("/deployments/")) {
                    problems.add("COPY " + source + " goes to " + target + ", not below /deployments/");
                }
                String sample = SAMPLE.get(source);
                if (sample != null && DockerIgnore.excludes(dockerignore, sample)) {
                    problems.add(".dockerignore leaves out " + sample + " (COPY " + source + ")");
                }
                Path packaged = module.resolve(LAYOUT);
                if (Files.isDirectory(packaged) && !matchesOnDisk(module, source)) {
                    problems.add("COPY " + source + " matches nothing in the packaged " + packaged);
                }
            }
        }
        for (String source : LAYOUT_SOURCES) {
            if (!copied.contains(source)) {
                problems.add("the layout is copied incompletely: no COPY " + source);
            }
        }
        if (!copied.isEmpty() && !DockerIgnore.excludes(dockerignore, "src/main/java/Service.java")) {
            problems.add(".dockerignore lets the sources into the build context");
        }
        if (DockerIgnore.excludes(dockerignore, DOCKERFILE)) {
            problems.add(".dockerignore leaves out the Dockerfile (CDK stages the context with it)");
        }

        List<Instruction> entry = all(instructions, "ENTRYPOINT");
        if (entry.size() != 1 || !entry.get(0).arguments().contains("/deployments/quarkus-run.jar")
                || !entry.get(0).arguments().contains("$JAVA_OPTS") || !entry.get(0).arguments().contains("exec java")) {
            problems.add("ENTRYPOINT must exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar: " + entry);
        }
        String env = String.join(" ", all(instructions, "ENV").stream().map(Instruction::arguments).toList());
        if (!env.contains("JAVA_OPTS=") || !env.contains("MaxRAMPercentage") || !env.contains("ExitOnOutOfMemoryError")) {
            problems.add("JAVA_OPTS must size the heap from the container's memory and exit on OutOfMemoryError");
        }

        List<Instruction> users = all(instructions, "USER");
        String user = users.isEmpty() ? "root" : users.get(users.size() - 1).arguments();
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (!uid.matches("[0-9]+") || Integer.parseInt(uid) == 0) {
            // Kubernetes' runAsNonRoot can only verify a numeric user.
            problems.add("the image must run as a numeric non-root USER: " + user);
        }

        Set<String> exposed = new java.util.HashSet<>();
        all(instructions, "EXPOSE").forEach(e -> exposed.addAll(Arrays.asList(e.arguments().split("\\s+"))));
        for (int port : List.of(HTTP_PORT, MANAGEMENT_PORT)) {
            if (!exposed.contains(String.valueOf(port)) && !exposed.contains(port + "/tcp")) {
                problems.add("EXPOSE " + port + " missing: " + exposed);
            }
        }

        List<Instruction> health = all(instructions, "HEALTHCHECK");
        if (health.size() != 1) {
            problems.add("one HEALTHCHECK expected: " + health);
        } else {
            String check = health.get(0).arguments();
            if (!check.contains(":" + MANAGEMENT_PORT + "/q/health/")) {
                problems.add("HEALTHCHECK must ask the management port " + MANAGEMENT_PORT + ": " + check);
            }
            java.util.regex.Matcher cmd = Pattern.compile("CMD\\s+\\[\\s*\"([^\"]+)\"").matcher(check);
            String tool = cmd.find() ? cmd.group(1) : null;
            if (tool == null || !TOOLS_OF_BASE.getOrDefault(repository, Set.of()).contains(tool)) {
                problems.add("HEALTHCHECK uses " + tool + ", which " + repository + " does not have (exec form expected)");
            }
        }
        return problems;
    }

    /** Whether a COPY source matches something in the packaged application. */
    static boolean matchesOnDisk(Path module, String source) throws IOException {
        if (!source.contains("*")) {
            return Files.exists(module.resolve(source));
        }
        Path dir = module.resolve(source.substring(0, source.lastIndexOf('/')));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.substring(source.lastIndexOf('/') + 1));
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName()));
        }
    }

    /**
     * The build-context rules of a .dockerignore as Docker applies them: patterns relative to the
     * context root, {@code *} within one path element, {@code **} across elements, a pattern that
     * matches a directory matches everything below it, the last matching pattern decides and
     * {@code !} re-includes.
     */
    static final class DockerIgnore {

        private DockerIgnore() {
        }

        static boolean excludes(String dockerignore, String path) {
            boolean excluded = false;
            for (String line : dockerignore.split("\n")) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                boolean negated = pattern.startsWith("!");
                if (negated) {
                    pattern = pattern.substring(1).strip();
                }
                pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
                if (matchesOrParentMatches(pattern, path)) {
                    excluded = !negated;
                }
            }
            return excluded;
        }

        private static boolean matchesOrParentMatches(String pattern, String path) {
            Pattern regex = Pattern.compile(toRegex(pattern));
            String candidate = path;
            while (true) {
                if (regex.matcher(candidate).matches()) {
                    return true;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                candidate = candidate.substring(0, slash);
            }
        }

        private static String toRegex(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }

    static String read(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing " + file);
        return Files.readString(file);
    }

    @Test
    void everyServiceHasADockerfileThatFitsItsBuild() throws IOException {
        List<String> modules = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            modules.add(service.module());
        }
        modules.add("ops-console");
        for (String name : modules) {
            Path module = Tools.root().resolve(name);
            List<String> problems = problems(read(module.resolve(DOCKERFILE)), read(module.resolve(".dockerignore")),
                    module);
            assertEquals(List.of(), problems, name);
        }
    }

    @Test
    void everyServiceIsPackagedAsAFastJar() throws IOException {
        // The Dockerfiles copy the fast-jar layout; another package type writes another layout.
        for (SuiteService service : SuiteService.values()) {
            Path module = Tools.root().resolve(service.module());
            for (String line : read(module.resolve("src/main/resources/application.properties")).split("\n")) {
                String setting = line.strip();
                if (setting.startsWith("quarkus.package.") && !setting.matches("quarkus\\.package\\.jar\\.type\\s*=\\s*fast-jar")) {
                    throw new AssertionError(service.module() + " changes the package layout: " + setting);
                }
            }
            assertTrue(read(module.resolve("pom.xml")).contains("quarkus-maven-plugin"), service.module());
        }
    }

    @Test
    void theChecksRefuseWhatWouldBreakTheImage() throws IOException {
        Path module = Tools.root().resolve(SuiteService.MAIL_SERVICE.module());
        String dockerfile = read(module.resolve(DOCKERFILE));
        String dockerignore = read(module.resolve(".dockerignore"));
        Map<String, String> broken = Map.of(
                "target/quarkus-app/libs/", dockerfile.replace("COPY target/quarkus-app/lib/", "COPY target/quarkus-app/libs/"),
                "USER", dockerfile.replace("USER 1001", "USER root"),
                "EXPOSE " + MANAGEMENT_PORT, dockerfile.replace("EXPOSE 8080 9080", "EXPOSE 8080"),
                "management port", dockerfile.replace(":9080/q/health/live", ":8080/q/health/live"),
                "does not have", dockerfile.replace("[\"curl\", \"-fsS\", \"-o\", \"/dev/null\",", "[\"nc\", \"-z\","),
                "no COPY target/quarkus-app/quarkus/", dockerfile.replace("COPY target/quarkus-app/quarkus/ /deployments/quarkus/\n", ""));
        broken.forEach((expected, text) -> {
            assertTrue(!text.equals(dockerfile), "the mutation for " + expected + " changed nothing");
            try {
                List<String> problems = problems(text, dockerignore, module);
                assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + ": " + problems);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> ignoringAll = problems(dockerfile, "*\n", module);
        assertTrue(ignoringAll.stream().anyMatch(p -> p.contains(".dockerignore leaves out")), ignoringAll.toString());
        List<String> ignoringNothing = problems(dockerfile, "# nothing\n", module);
        assertTrue(ignoringNothing.stream().anyMatch(p -> p.contains("lets the sources")), ignoringNothing.toString());
    }
}
