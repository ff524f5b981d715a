package jp.foodtrace.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JapaneseTextTest {

    /** NEC special (①, ㈱, ㍻), NEC-selected IBM extension (髙, 﨑), IBM extension (ⅰ, ￢) characters. */
    private static final String EXTENSIONS = "①㈱㍻髙﨑ⅰ￢～－";

    @Test
    void everyNameOfShiftJisMeansWindows31j() {
        for (String name : List.of("Shift_JIS", "shift-jis", "SJIS", "MS932", "cp932", "windows-31j", "\"Shift_JIS\"")) {
            assertEquals(Optional.of(JapaneseText.WINDOWS_31J), JapaneseText.charset(name), name);
        }
        assertEquals(Optional.of(StandardCharsets.UTF_8), JapaneseText.charset(null));
        assertEquals(Optional.of(StandardCharsets.UTF_8), JapaneseText.charset("utf-8"));
        assertEquals(Optional.empty(), JapaneseText.charset("ISO-8859-1"));
    }

    @Test
    void windows31jExtensionCharactersSurviveARoundTrip() {
        byte[] bytes = JapaneseText.encode("株式会社" + EXTENSIONS, JapaneseText.WINDOWS_31J);
        assertEquals("株式会社" + EXTENSIONS, JapaneseText.decode(bytes, JapaneseText.WINDOWS_31J));
        // what a handheld writes: ① is 0x8740 and 髙 0xFBFC in Windows-31J
        assertArrayEquals(new byte[] {(byte) 0x87, 0x40}, JapaneseText.encode("①", JapaneseText.WINDOWS_31J));
        assertEquals("髙", JapaneseText.decode(new byte[] {(byte) 0xFB, (byte) 0xFC}, JapaneseText.WINDOWS_31J));
    }

    @Test
    void theJdksStrictShiftJisIsReadAsWindows31j() {
        byte[] bytes = JapaneseText.encode(EXTENSIONS, JapaneseText.WINDOWS_31J);
        assertEquals(EXTENSIONS, JapaneseText.decode(bytes, Charset.forName("Shift_JIS")));
    }

    @Test
    void malformedBytesAreAnErrorNamingTheirLine() {
        byte[] ok = "a,b\nc,d\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[ok.length + 2];
        System.arraycopy(ok, 0, bad, 0, ok.length);
        bad[ok.length] = (byte) 0x82; // lead byte with no trail byte
        bad[ok.length + 1] = (byte) 0x0A;
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> JapaneseText.decode(bad, JapaneseText.WINDOWS_31J));
        assertEquals(3, e.line());
        MalformedTextException utf8 = assertThrows(MalformedTextException.class,
                () -> JapaneseText.decode(new byte[] {'x', '\n', (byte) 0xC3, 0x28}, StandardCharsets.UTF_8));
        assertEquals(2, utf8.line());
    }

    @Test
    void aCharacterWithoutACodeIsAnErrorOnWriteNotAQuestionMark() {
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> JapaneseText.encode("ok\n🍣", JapaneseText.WINDOWS_31J));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("U+1F363"), e.getMessage());
    }

    @Test
    void utf8ByteOrderMarkIsDropped() {
        assertEquals("a", JapaneseText.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, StandardCharsets.UTF_8));
    }

    @Test
    void csvInWindows31jReadsExtensionCharactersInQuotedMultiLineFields() {
        String csv = Csv.line("4901234567894", "㈱髙島屋 ①号店", "ＣＳ") + Csv.line("x", "改行\r\nあり", "1");
        List<Csv.Row> rows = Csv.read(JapaneseText.encode(csv, JapaneseText.WINDOWS_31J), JapaneseText.WINDOWS_31J);
        assertEquals(List.of("4901234567894", "㈱髙島屋 ①号店", "ＣＳ"), rows.get(0).fields());
        assertEquals("改行\r\nあり", rows.get(1).field(1));
    }
}
