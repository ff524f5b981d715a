package jp.foodtrace.sync.feed.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.sync.feed.FeedOrder;
import jp.foodtrace.text.JapaneseText;

class FeedCsvTest {

    private static final Instant AT = Instant.parse("2026-11-30T01:02:03Z");

    @Test
    void windows31jExtensionCharactersAreWrittenInShiftJisAndReadBackUnchanged() {
        FeedCsv.Encoded csv = FeedCsv.write(List.of(order(line(1, "①号箱"), line(2, "㈱髙"))), JapaneseText.WINDOWS_31J);
        String text = JapaneseText.decode(csv.bytes(), JapaneseText.WINDOWS_31J);
        assertEquals(String.join("", List.of(
                "cursor,order_id,receipt_id,terminal_id,store_code,sequence,delivery_date,accepted_at,line_no,item_code,quantity,unit\r\n",
                "7,O1,R1,T1,S1,3,2026-12-01,2026-11-30T01:02:03Z,1,4901234567894,2,①号箱\r\n",
                "7,O1,R1,T1,S1,3,2026-12-01,2026-11-30T01:02:03Z,2,4901234567894,2,㈱髙\r\n")), text);
        assertEquals(0, csv.substituted());
    }

    @Test
    void characterWithoutAShiftJisCodeIsWrittenAsTheGetaMarkAndCountedWhileTheOrderStays() {
        FeedCsv.Encoded csv = FeedCsv.write(List.of(order(line(1, "𠮷野家🍱"), line(2, "個"))), JapaneseText.WINDOWS_31J);
        List<String> rows = JapaneseText.decode(csv.bytes(), JapaneseText.WINDOWS_31J).lines().toList();
        assertEquals(3, rows.size());
        assertEquals("7,O1,R1,T1,S1,3,2026-12-01,2026-11-30T01:02:03Z,1,4901234567894,2,〓野家〓", rows.get(1));
        assertEquals("7,O1,R1,T1,S1,3,2026-12-01,2026-11-30T01:02:03Z,2,4901234567894,2,個", rows.get(2));
        assertEquals(2, csv.substituted());
    }

    @Test
    void utf8HasACodeForEveryCharacter() {
        FeedCsv.Encoded csv = FeedCsv.write(List.of(order(line(1, "𠮷野家🍱"))), StandardCharsets.UTF_8);
        assertEquals(0, csv.substituted());
        assertEquals("7,O1,R1,T1,S1,3,2026-12-01,2026-11-30T01:02:03Z,1,4901234567894,2,𠮷野家🍱",
                new String(csv.bytes(), StandardCharsets.UTF_8).lines().toList().get(1));
    }

    private static FeedOrder order(FeedOrder.Line... lines) {
        return new FeedOrder(7, "O1", "R1", "T1", "S1", 3, LocalDate.of(2026, 12, 1), AT, null, List.of(lines));
    }

    private static FeedOrder.Line line(int lineNo, String unit) {
        return new FeedOrder.Line(lineNo, "4901234567894", 2, unit);
    }
}
