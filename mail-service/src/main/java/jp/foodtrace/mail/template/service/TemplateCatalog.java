package jp.foodtrace.mail.template.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.template.MailTemplateSpec;

/**
 * The templates this service can send and the parameters each needs. Adding a template means one
 * entry here and its six files (subject, text, html × ja, en) under {@code templates/mail/<id>/}.
 */
public final class TemplateCatalog {

    public static final String ORDER_REJECTED = "order-rejected";
    public static final String SHIPMENT_NOTICE = "shipment-notice";
    public static final String RECALL_NOTICE = "recall-notice";
    public static final String ACCOUNT_NOTICE = "account-notice";

    private static final Map<String, MailTemplateSpec> SPECS = Map.of(
            ORDER_REJECTED, new MailTemplateSpec(ORDER_REJECTED, MailCategory.TRANSACTIONAL,
                    List.of("memberName", "storeName", "orderNumber"),
                    Map.of("lines", List.of("lineNo", "itemCode", "itemName", "reason"))),
            SHIPMENT_NOTICE, new MailTemplateSpec(SHIPMENT_NOTICE, MailCategory.NOTICE,
                    List.of("memberName", "storeName", "shipmentNumber", "shippedOn"),
                    Map.of("items", List.of("itemName", "lotNumber", "quantity"))),
            RECALL_NOTICE, new MailTemplateSpec(RECALL_NOTICE, MailCategory.RECALL,
                    List.of("memberName", "itemName", "lotNumber", "reason", "action", "contact"),
                    Map.of()),
            ACCOUNT_NOTICE, new MailTemplateSpec(ACCOUNT_NOTICE, MailCategory.TRANSACTIONAL,
                    List.of("memberName", "event", "occurredAt"),
                    Map.of()));

    private TemplateCatalog() {
    }

    public static Optional<MailTemplateSpec> find(String templateId) {
        return Optional.ofNullable(templateId == null ? null : SPECS.get(templateId));
    }

    public static Set<String> ids() {
        return new TreeSet<>(SPECS.keySet());
    }
}
