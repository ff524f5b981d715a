package jp.foodtrace.mail.template;

import java.util.List;
import java.util.Map;

import jp.foodtrace.mail.request.MailCategory;

/**
 * What a template needs: its scalar parameters, its list parameters with the fields of each item,
 * and the category used when a request names none.
 *
 * @param id               template id, also its folder under {@code templates/mail/}
 * @param defaultCategory  category of a request that does not name one
 * @param required         parameters that must be present and not empty
 * @param lists            list parameters (non-empty) and the fields each item must have
 */
public record MailTemplateSpec(String id, MailCategory defaultCategory, List<String> required,
        Map<String, List<String>> lists) {

    public MailTemplateSpec {
        required = List.copyOf(required);
        lists = Map.copyOf(lists);
    }
}
