package jp.foodtrace.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.platform.PlatformConfig;

/**
 * Headless Chromium driven over the W3C WebDriver protocol (plain HTTP to Debian's
 * {@code chromedriver}): enough to load a page, type, click, read text and take screenshots,
 * without a client library that must match the browser's version.
 *
 * <p>Debian's {@code chromium}, {@code chromium-driver} and {@code fonts-noto-cjk} (so that the
 * Japanese page is text, not boxes, in the screenshots) are installed with apt-get when missing,
 * where the test runs as root; elsewhere, or when apt-get fails, {@link #ensureInstalled} fails
 * with what to install. A browser test that cannot run must fail, never pass unseen.
 */
final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String session;

    private Browser(Process driver, String base) throws Exception {
        this.driver = driver;
        this.base = base;
        JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", chromiumBinary(), "args", List.of("--headless=new",
                        "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=ja-JP",
                        "--hide-scrollbars", "--window-size=1280,900"))))));
        this.session = created.path("sessionId").asText();
    }

    /** Installs what is missing (as root, with apt-get) or fails saying what to install. */
    static void ensureInstalled(Path log) throws Exception {
        boolean browser = onPath("chromium") && onPath("chromedriver");
        boolean fonts = hasJapaneseFont();
        if (browser && fonts) {
            return;
        }
        List<String> packages = new ArrayList<>();
        if (!browser) {
            packages.addAll(List.of("chromium", "chromium-driver"));
        }
        if (!fonts) {
            packages.add("fonts-noto-cjk");
        }
        String wanted = String.join(" ", packages);
        if (!"root".equals(System.getProperty("user.name")) || !onPath("apt-get")) {
            throw new AssertionError("the browser test needs Debian's " + wanted
                    + " and cannot install them here (needs root and apt-get): apt-get install -y " + wanted);
        }
        System.out.println("[browser] installing " + wanted + " with apt-get (log: " + log + ")");
        Process update = new ProcessBuilder("apt-get", "update", "-q").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        update.waitFor(10, TimeUnit.MINUTES);
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(packages);
        ProcessBuilder builder = new ProcessBuilder(install).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0
                || !(onPath("chromium") && onPath("chromedriver") && hasJapaneseFont())) {
            throw new AssertionError("installing " + wanted + " failed; see " + log);
        }
    }

    static Browser start(Path log) throws Exception {
        int port = PlatformConfig.freePort();
        Process driver = new ProcessBuilder("chromedriver", "--port=" + port).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        HttpClient probe = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (probe.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline || !driver.isAlive()) {
                driver.destroy();
                throw new AssertionError("chromedriver did not start; see " + log);
            }
            Thread.sleep(200);
        }
        try {
            return new Browser(driver, base);
        } catch (Exception | AssertionError e) {
            driver.destroy();
            throw e;
        }
    }

    void open(String url) throws Exception {
        call("POST", path("/url"), Map.of("url", url));
    }

    String url() throws Exception {
        return call("GET", path("/url"), null).path("value").asText();
    }

    void windowSize(int width, int height) throws Exception {
        call("POST", path("/window/rect"), Map.of("width", width, "height", height));
    }

    /** Sends this header with every request from now on (Chrome DevTools, as a member site's proxy would). */
    void header(String name, String value) throws Exception {
        cdp("Network.enable", Map.of());
        cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(name, value)));
    }

    String text(String css) throws Exception {
        return call("GET", path("/element/" + find(css) + "/text"), null).path("value").asText();
    }

    List<String> texts(String css) throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : call("POST", path("/elements"), Map.of("using", "css selector", "value", css))
                .path("value")) {
            texts.add(call("GET", path("/element/" + element.path(ELEMENT).asText() + "/text"), null).path("value")
                    .asText());
        }
        return texts;
    }

    int count(String css) throws Exception {
        return call("POST", path("/elements"), Map.of("using", "css selector", "value", css)).path("value").size();
    }

    String attribute(String css, String name) throws Exception {
        return call("GET", path("/element/" + find(css) + "/attribute/" + name), null).path("value").asText();
    }

    void type(String css, String text) throws Exception {
        String element = find(css);
        call("POST", path("/element/" + element + "/clear"), Map.of());
        call("POST", path("/element/" + element + "/value"), Map.of("text", text));
    }

    void click(String css) throws Exception {
        call("POST", path("/element/" + find(css) + "/click"), Map.of());
    }

    /** A PNG of the whole page (beyond the window), written to {@code file}. */
    void screenshot(Path file) throws Exception {
        JsonNode shot = cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("value").path("data").asText()));
    }

    private JsonNode cdp(String command, Map<String, Object> params) throws Exception {
        return call("POST", path("/goog/cdp/execute"), Map.of("cmd", command, "params", params));
    }

    private String find(String css) throws Exception {
        String id = call("POST", path("/element"), Map.of("using", "css selector", "value", css)).path("value")
                .path(ELEMENT).asText();
        if (id.isEmpty()) {
            throw new AssertionError("no element " + css + " on " + url());
        }
        return id;
    }

    private String path(String suffix) {
        return "/session/" + session + suffix;
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new AssertionError("WebDriver " + method + " " + path + " answered " + response.statusCode() + ": "
                    + answer.path("value").path("message").asText(response.body()));
        }
        return answer.has("sessionId") || !answer.path("value").has("sessionId") ? answer : answer.path("value");
    }

    private static String chromiumBinary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "chromium";
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasJapaneseFont() throws Exception {
        if (!onPath("fc-list")) {
            return false;
        }
        Process p = new ProcessBuilder("fc-list", ":lang=ja").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return !out.isBlank();
    }

    @Override
    public void close() throws Exception {
        try {
            call("DELETE", "/session/" + session, null);
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        }
    }
}
