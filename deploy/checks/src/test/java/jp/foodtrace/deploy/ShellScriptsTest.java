package jp.foodtrace.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts of deploy/vm-import and deploy/postfix pass {@code bash -n} and shellcheck
 * (Debian's package, installed if missing), follow the house rules, and the VM Import policy
 * and disk-container templates are valid JSON of the shape AWS expects.
 */
class ShellScriptsTest {

    static Path vmImport;
    static List<Path> scripts;

    @BeforeAll
    static void collect() throws IOException {
        vmImport = Tools.root().resolve("deploy/vm-import");
        scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(vmImport.resolve("scripts"))) {
            files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(scripts::add);
        }
        scripts.add(Tools.root().resolve("deploy/postfix/install.sh"));
        assertTrue(scripts.size() >= 5, scripts.toString());
    }

    @Test
    void everyScriptParsesWithBash() {
        for (Path script : scripts) {
            Tools.Result result = Tools.run(List.of("bash", "-n", script.toString()), Map.of(), null, 30);
            assertEquals(0, result.code(), script + ": " + result.output());
        }
    }

    @Test
    void everyScriptPassesShellcheck() {
        Path shellcheck = Tools.require("shellcheck", "shellcheck");
        for (Path script : scripts) {
            Tools.Result result = Tools.run(List.of(shellcheck.toString(), "-x", "-P", "SCRIPTDIR", script.toString()),
                    Map.of(), script.getParent(), 60);
            assertEquals(0, result.code(), script + ":\n" + result.output());
        }
    }

    @Test
    void scriptsThatRunStopAtTheFirstErrorAndAreExecutable() throws IOException {
        for (Path script : scripts) {
            String text = Files.readString(script);
            assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script + " has a bash shebang");
            assertTrue(Files.isExecutable(script), script + " is executable");
            boolean sourcedOnly = script.getFileName().toString().equals("common.sh");
            if (!sourcedOnly) {
                assertTrue(text.contains("\nset -euo pipefail\n"), script + " sets -euo pipefail");
            }
        }
    }

    private static JsonNode json(String name, Map<String, String> values) throws IOException {
        String text = Files.readString(vmImport.resolve("policies").resolve(name));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("@" + value.getKey() + "@", value.getValue());
        }
        assertFalse(text.matches("(?s).*@[A-Z_]+@.*"), name + " has a placeholder the scripts do not fill");
        return new ObjectMapper().readTree(text);
    }

    @Test
    void vmimportRoleIsTrustedByTheImportServiceWithItsExternalId() throws IOException {
        JsonNode trust = json("vmimport-trust-policy.json", Map.of()).get("Statement").get(0);
        assertEquals("vmie.amazonaws.com", trust.at("/Principal/Service").asText());
        assertEquals("sts:AssumeRole", trust.get("Action").asText());
        assertEquals("vmimport", trust.at("/Condition/StringEquals/sts:Externalid").asText());
    }

    @Test
    void rolePolicyAndDiskContainersNameTheImportBucket() throws IOException {
        Map<String, String> values = Map.of("IMPORT_BUCKET", "b", "IMAGE_KEY", "vm-import/disk.vmdk", "DISK_FORMAT", "vmdk");
        JsonNode policy = json("vmimport-role-policy.json.template", values);
        String statements = policy.get("Statement").toString();
        assertTrue(statements.contains("arn:aws:s3:::b/*") && statements.contains("s3:GetObject")
                && statements.contains("ec2:RegisterImage"), statements);
        JsonNode container = json("disk-containers.json.template", values).get(0);
        assertEquals("vmdk", container.get("Format").asText());
        assertEquals("b", container.at("/UserBucket/S3Bucket").asText());
        assertEquals("vm-import/disk.vmdk", container.at("/UserBucket/S3Key").asText());
        // The scripts fill exactly these placeholders.
        String common = Files.readString(vmImport.resolve("scripts/common.sh"));
        for (String placeholder : values.keySet()) {
            assertTrue(common.contains("@" + placeholder + "@"), "common.sh renders " + placeholder);
        }
    }
}
