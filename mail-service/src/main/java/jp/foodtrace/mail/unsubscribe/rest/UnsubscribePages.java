package jp.foodtrace.mail.unsubscribe.rest;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.unsubscribe.service.UnsubscribeTokens;

/**
 * The small HTML pages of the unsubscribe link, Japanese first with English below. Nothing from
 * the request is echoed except a token that has passed its signature check (base64url and '.').
 */
final class UnsubscribePages {

    private UnsubscribePages() {
    }

    static String confirm(String verifiedToken, MailCategory category) {
        return page("配信停止の確認 / Confirm unsubscribe", """
                <p>「%s」の配信を停止しますか？</p>
                <p>Stop receiving %s mail?</p>
                <form method="post" action="/v1/unsubscribe/%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">配信を停止する / Unsubscribe</button>
                </form>""".formatted(japanese(category), category.wireName(), verifiedToken));
    }

    static String done(MailCategory category) {
        return page("配信を停止しました / Unsubscribed", """
                <p>「%s」の配信を停止しました。</p>
                <p>You will no longer receive %s mail.</p>""".formatted(japanese(category), category.wireName()));
    }

    static String error(UnsubscribeTokens.Refusal refusal) {
        return switch (refusal) {
            case EXPIRED -> page("リンクの有効期限切れ / Link expired", """
                    <p>この配信停止リンクは有効期限が切れています。最新のメールのリンクをご利用ください。</p>
                    <p>This unsubscribe link has expired. Please use the link in a more recent mail.</p>""");
            case INVALID -> page("無効なリンク / Invalid link", """
                    <p>この配信停止リンクは無効です（改ざんされたか、正しくコピーされていません）。</p>
                    <p>This unsubscribe link is not valid (altered or not copied completely).</p>""");
        };
    }

    private static String japanese(MailCategory category) {
        return category == MailCategory.NOTICE ? "お知らせメール" : "取引メール";
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8"><meta name="robots" content="noindex">
                <title>%s</title></head>
                <body><h1>%s</h1>
                %s
                </body></html>
                """.formatted(title, title, body);
    }
}
