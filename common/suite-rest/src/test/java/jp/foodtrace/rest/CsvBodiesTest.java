package jp.foodtrace.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.text.Csv;
import jp.foodtrace.text.JapaneseText;

class CsvBodiesTest {

    @Test
    void shiftJisUploadIsReadAsWindows31jSoExtensionCharactersSurvive() {
        byte[] body = JapaneseText.encode("store_code,name\r\nS1,㈱髙島屋①号店\r\n", JapaneseText.WINDOWS_31J);
        List<Csv.Row> rows = CsvBodies.read(body, "Shift_JIS");
        assertEquals(List.of("S1", "㈱髙島屋①号店"), rows.get(1).fields());
        assertEquals(rows, CsvBodies.read(body, "windows-31j"));
    }

    @Test
    void uploadWithoutACharsetIsUtf8() {
        byte[] body = "a,b\r\n①,髙\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("①", "髙"), CsvBodies.read(body, null).get(1).fields());
    }

    @Test
    void malformedShiftJisBytesAreA400WithTheirLine() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("a,b\r\n1,弁当\r\n2,".getBytes(JapaneseText.WINDOWS_31J));
        // 0x82 starts a two-byte character; 0x20 cannot end one.
        body.writeBytes(new byte[] { (byte) 0x82, 0x20, '\r', '\n' });
        ProblemException e = assertThrows(ProblemException.class, () -> CsvBodies.read(body.toByteArray(), "Shift_JIS"));
        assertEquals(400, e.problem().status());
        assertEquals("malformed-csv", e.problem().code());
        Problem.Detail detail = e.problem().errors().get(0);
        assertEquals(3, detail.line());
        assertEquals("invalid-encoding", detail.code());
    }

    @Test
    void unterminatedQuoteIsA400WithItsLine() {
        byte[] body = "a,b\n1,ok\n2,\"never closed\n3,x\n".getBytes(StandardCharsets.UTF_8);
        ProblemException e = assertThrows(ProblemException.class, () -> CsvBodies.read(body, "UTF-8"));
        assertEquals(400, e.problem().status());
        assertEquals("malformed-csv", e.problem().code());
        assertEquals(3, e.problem().errors().get(0).line());
        assertEquals("malformed-csv", e.problem().errors().get(0).code());
    }

    @Test
    void uploadInAnotherCharsetIsA415AndADownloadA406() {
        ProblemException upload = assertThrows(ProblemException.class,
                () -> CsvBodies.read("a".getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1"));
        assertEquals(415, upload.problem().status());
        assertEquals("unsupported-charset", upload.problem().code());
        ProblemException download = assertThrows(ProblemException.class, () -> CsvBodies.responseCharset("EUC-JP"));
        assertEquals(406, download.problem().status());
        assertEquals("unsupported-charset", download.problem().code());
    }

    @Test
    void shiftJisAnswerIsWindows31jLabelledShiftJis() {
        assertEquals(JapaneseText.WINDOWS_31J, CsvBodies.responseCharset("shift_jis"));
        assertEquals("text/csv; charset=Shift_JIS", CsvBodies.mediaType(CsvBodies.responseCharset("Shift_JIS")));
        assertEquals("text/csv; charset=UTF-8", CsvBodies.mediaType(CsvBodies.responseCharset(null)));
        assertArrayEquals(new byte[] { (byte) 0x87, 0x40 }, JapaneseText.encode("①", CsvBodies.responseCharset("Shift_JIS")));
    }
}
