package jp.foodtrace.bounce.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.TestCorpus;

class MailShapeTest {

    @Test
    void everySampleMailLooksLikeMail() throws IOException {
        Path root = TestCorpus.root();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".eml")).toList();
        }
        assertTrue(files.size() > 300, "samples found: " + files.size());
        for (Path file : files) {
            assertEquals(Optional.empty(), MailShape.problem(Files.readAllBytes(file)), file.toString());
        }
    }

    @Test
    void mboxSeparatorLineIsAccepted() {
        assertEquals(Optional.empty(), MailShape.problem(ascii(
                "From MAILER-DAEMON Sat Nov 28 05:16:00 2026\nReturn-Path: <>\nFrom: MAILER-DAEMON\n\nbody\n")));
    }

    @Test
    void emptyBinaryAndProseAreNotMail() {
        assertEquals(Optional.of("empty object"), MailShape.problem(new byte[0]));
        assertTrue(MailShape.problem(new byte[] { 'P', 'K', 3, 4, 0, 1 }).orElseThrow().startsWith("binary content"));
        assertEquals(Optional.of("no header block at the start"), MailShape.problem(ascii("Dear customer,\nhello\n")));
    }

    @Test
    void headerBlockWithoutAnyMailFieldIsNotMail() {
        assertEquals(Optional.of("header block without From, Date, Received or Message-ID"),
                MailShape.problem(ascii("Content-Type: application/json\nX-Thing: 1\n\n{}\n")));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
