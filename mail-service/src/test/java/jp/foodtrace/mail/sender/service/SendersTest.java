package jp.foodtrace.mail.sender.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.config.MailConfig;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.sender.Sender;

class SendersTest {

    private static MailConfig.Sender sender(String token, List<String> categories, boolean operator) {
        return new MailConfig.Sender() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public List<String> categories() {
                return categories;
            }

            @Override
            public boolean operator() {
                return operator;
            }
        };
    }

    @Test
    void aTokenAuthenticatesItsSenderWithItsCategories() {
        Map<String, MailConfig.Sender> configured = new LinkedHashMap<>();
        configured.put("ops", sender("ops-token-0123456", List.of("transactional", "notice", "recall"), true));
        configured.put("news", sender("news-token-0123456", List.of("notice"), false));
        Senders senders = new Senders(configured);

        Sender news = senders.authenticate("news-token-0123456").orElseThrow();
        assertEquals("news", news.name());
        assertTrue(news.allows(MailCategory.NOTICE));
        assertFalse(news.allows(MailCategory.TRANSACTIONAL));
        assertFalse(news.allows(MailCategory.RECALL));
        assertFalse(news.operator());
        assertTrue(senders.authenticate("ops-token-0123456").orElseThrow().operator());
        assertTrue(senders.authenticate("news-token-012345").isEmpty());
        assertTrue(senders.authenticate("").isEmpty());
    }

    @Test
    void scopedIdsKeepSendersApart() {
        Sender news = new Sender("news", java.util.Set.of(MailCategory.NOTICE), false);
        assertEquals("news/r-1", news.scoped("r-1"));
        assertEquals("news", Sender.senderOf("news/r-1"));
        assertEquals("r-1", Sender.unscoped("news/r-1"));
        assertEquals("r-1", Sender.unscoped("r-1"));
        assertEquals(null, Sender.senderOf("r-1"));
    }

    @Test
    void badConfigurationStopsTheStart() {
        assertThrows(IllegalArgumentException.class,
                () -> new Senders(Map.of("ops", sender("short", List.of("notice"), true))));
        assertThrows(IllegalArgumentException.class,
                () -> new Senders(Map.of("ops", sender("ops-token-0123456", List.of("newsletter"), true))));
        assertThrows(IllegalArgumentException.class,
                () -> new Senders(Map.of("a/b", sender("ops-token-0123456", List.of("notice"), true))));
        Map<String, MailConfig.Sender> twice = new LinkedHashMap<>();
        twice.put("a", sender("same-token-0123456", List.of("notice"), false));
        twice.put("b", sender("same-token-0123456", List.of("notice"), false));
        assertThrows(IllegalArgumentException.class, () -> new Senders(twice));
    }
}
