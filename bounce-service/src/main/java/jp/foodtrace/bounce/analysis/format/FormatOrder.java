package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;

import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * The order in which formats are tried. Complaints first (their report would otherwise pass
 * for a delivery report), then the server-specific formats, then the standards and the plain
 * prose fallback; auto-replies last because any automatic mail may carry their headers.
 */
public final class FormatOrder {
    private final List<BounceFormat> specific = List.of(
            new Qmail(), new Exim());
    private final List<BounceFormat> standards = List.of(new Rfc3464(), new PlainText(), new Rfc3834());
    private final BounceFormat feedback = new Rfc5965();

    public List<BounceFormat> candidates(MailMessage mail) {
        List<BounceFormat> out = new ArrayList<>(specific.size() + 4);
        out.add(feedback);
        out.addAll(specific);
        out.addAll(standards);
        return out;
    }
}
