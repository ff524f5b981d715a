package jp.foodtrace.bounce.analysis.format;

import java.util.List;

import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * The order in which formats are tried. Complaints first (their report would otherwise pass
 * for a delivery report), then the server-specific formats, then the standards and the plain
 * prose fallback; auto-replies last because any automatic mail may carry their headers.
 * Every server format answers "not mine" from its headers or a fixed sentence before reading
 * the body, so trying them in turn stays cheap. Within the server formats, the narrower test
 * comes first where two could claim the same message (Google Workspace, Google Groups, then
 * Gmail; Office 365 before on-premises Exchange; Exim-like notices of 1&amp;1 and GMX before
 * Exim itself).
 */
public final class FormatOrder {
    private final List<BounceFormat> all = List.of(
            new Rfc5965(),
            // Google, Microsoft, Yahoo, Amazon
            new GSuite(), new GoogleGroups(), new Gmail(), new Office365(), new Outlook(), new Exchange2007(),
            new Exchange2003(), new Yahoo(), new AmazonWorkMail(), new ReceivingSes(), new AmazonSes(),
            new Facebook(), new Verizon(), new Aol(),
            // Japanese carriers and gateways
            new EZweb(), new Kddi(), new MFilter(), new InterScanMss(),
            // other servers and gateways
            new V5sendmail(), new PowerMta(), new McAfee(), new OpenSmtpd(), new IMailServer(), new Notes(),
            new Domino(), new MessageLabs(), new Activehunter(), new ApacheJames(), new MailFoundry(),
            new MailMarshal(), new Fml(), new Zoho(), new Gmx(), new EinsUndEins(), new MailRu(), new Yandex(),
            new Barracuda(), new SurfControl(), new MessagingServer(), new Courier(), new MxLogic(),
            new SendGrid(), new Amavis(), new Bigfoot(), new Biglobe(), new X1(), new X2(), new X3(), new X4(), new X5(),
            new X6(), new Sendmail(), new Postfix(), new Qmail(), new Exim(),
            // standards and fallbacks
            new Rfc3464(), new PlainText(), new Rfc3834());

    public List<BounceFormat> candidates(MailMessage mail) {
        return all;
    }
}
