package jp.foodtrace.mail.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLocale;
import jp.foodtrace.mail.request.MailRequest;

class MailRequestValidatorTest {

    static Map<String, Object> recallParameters() {
        return Map.of("memberName", "山田 太郎", "itemName", "国産若鶏もも肉", "lotNumber", "L-20260301-07",
                "reason", "異物混入の恐れ", "action", "店頭から撤去してください", "contact", "0120-000-000");
    }

    @Test
    void completeRequestDefaultsToJapaneseAndTheTemplatesCategory() {
        MailRequest request = MailRequestValidator.validate("r-1", " Member@Example.JP ", "recall-notice", null, null,
                recallParameters());
        assertEquals("member@example.jp", request.recipient());
        assertEquals(MailLocale.JA, request.locale());
        assertEquals(MailCategory.RECALL, request.category());
    }

    @Test
    void unknownTemplateIsRefusedWithItsCode() {
        InvalidMailRequest e = assertThrows(InvalidMailRequest.class, () -> MailRequestValidator.validate("r-1",
                "m@example.jp", "birthday", "ja", "notice", Map.of()));
        assertEquals(MailRequestValidator.UNKNOWN_TEMPLATE, e.code());
        assertTrue(e.getMessage().contains("birthday"), e.getMessage());
    }

    @Test
    void missingParameterIsRefusedNamingIt() {
        Map<String, Object> params = new HashMap<>(recallParameters());
        params.remove("lotNumber");
        InvalidMailRequest e = assertThrows(InvalidMailRequest.class, () -> MailRequestValidator.validate("r-1",
                "m@example.jp", "recall-notice", "en", "notice", params));
        assertEquals(MailRequestValidator.MISSING_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("lotNumber"), e.getMessage());
    }

    @Test
    void orderRejectedNeedsEveryLineToCarryItsReason() {
        Map<String, Object> params = Map.of("memberName", "山田", "storeName", "新宿店", "orderNumber", "O-1",
                "lines", List.of(Map.of("lineNo", 1, "itemCode", "4901234567890", "itemName", "牛乳")));
        InvalidMailRequest e = assertThrows(InvalidMailRequest.class, () -> MailRequestValidator.validate("r-1",
                "m@example.jp", "order-rejected", "ja", null, params));
        assertEquals(MailRequestValidator.MISSING_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("lines[0].reason"), e.getMessage());
    }

    @Test
    void badLocaleCategoryAddressAndRequestIdAreInvalidFields() {
        assertEquals(MailRequestValidator.INVALID_FIELD, assertThrows(InvalidMailRequest.class,
                () -> MailRequestValidator.validate("r-1", "m@example.jp", "recall-notice", "fr", null, recallParameters())).code());
        assertEquals(MailRequestValidator.INVALID_FIELD, assertThrows(InvalidMailRequest.class,
                () -> MailRequestValidator.validate("r-1", "m@example.jp", "recall-notice", null, "bulk", recallParameters())).code());
        assertEquals(MailRequestValidator.INVALID_FIELD, assertThrows(InvalidMailRequest.class,
                () -> MailRequestValidator.validate("r-1", "not an address", "recall-notice", null, null, recallParameters())).code());
        assertEquals(MailRequestValidator.INVALID_FIELD, assertThrows(InvalidMailRequest.class,
                () -> MailRequestValidator.validate("Taro <m@example.jp>", "m@example.jp", "recall-notice", null, null,
                        recallParameters())).code());
        assertEquals(MailRequestValidator.INVALID_FIELD, assertThrows(InvalidMailRequest.class,
                () -> MailRequestValidator.validate(null, "m@example.jp", "recall-notice", null, null, recallParameters())).code());
    }
}
