package jp.foodtrace.mail.template.service;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jp.foodtrace.mail.request.MailRequest;
import jp.foodtrace.mail.template.RenderedMail;

/**
 * Renders the Qute templates under {@code templates/mail/<id>/}: {@code subject-<locale>.txt},
 * {@code text-<locale>.txt} and {@code html-<locale>.html} (HTML-escaped by Qute). Extra data
 * the templates get besides the request's parameters: {@code unsubscribeUrl} for notice mail.
 */
@ApplicationScoped
public class MailRenderer {

    private final Engine engine;

    public MailRenderer(Engine engine) {
        this.engine = engine;
    }

    public RenderedMail render(MailRequest request, Optional<String> unsubscribeUrl) {
        String base = "mail/" + request.templateId() + "/";
        String locale = request.locale().tag();
        String subject = render(base + "subject-" + locale, request.parameters(), unsubscribeUrl)
                .strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        String text = render(base + "text-" + locale, request.parameters(), unsubscribeUrl);
        String html = render(base + "html-" + locale, request.parameters(), unsubscribeUrl);
        return new RenderedMail(subject, text, html);
    }

    private String render(String id, Map<String, Object> parameters, Optional<String> unsubscribeUrl) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("template file missing: " + id);
        }
        TemplateInstance instance = template.instance();
        parameters.forEach(instance::data);
        instance.data("unsubscribeUrl", unsubscribeUrl.orElse(null));
        return instance.render();
    }
}
