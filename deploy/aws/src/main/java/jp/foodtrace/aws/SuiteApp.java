package jp.foodtrace.aws;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

import java.nio.file.Path;

/**
 * The CDK app: every stack of one installation, built from one configuration file. Tests build the
 * same stacks through {@link #build}, so what they assert is what {@code cdk deploy} deploys.
 */
public final class SuiteApp {

    /** Context key naming the configuration file ({@code -c config=...}), relative to deploy/aws. */
    public static final String CONFIG_CONTEXT = "config";

    /** The stacks of one installation, in deployment order. */
    public record Stacks(NetworkStack network, DataStack data, TerminalStack terminals, MemberEdgeStack member,
            MailStack mail, InboundMailStack inboundMail, ServicesStack services) {
    }

    private SuiteApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object file = app.getNode().tryGetContext(CONFIG_CONTEXT);
        if (file == null) {
            throw new IllegalArgumentException("no configuration: pass -c " + CONFIG_CONTEXT + "=config/<name>.json");
        }
        build(app, SuiteConfig.load(Path.of(file.toString())));
        app.synth();
    }

    public static Stacks build(App app, SuiteConfig config) {
        StackProps home = props(config, config.region());
        String p = capitalized(config.prefix());
        NetworkStack network = new NetworkStack(app, p + "Network", home, config);
        DataStack data = new DataStack(app, p + "Data", home, config, network);
        TerminalStack terminals = new TerminalStack(app, p + "Terminals", home, config, network);
        MemberEdgeStack member = new MemberEdgeStack(app, p + "MemberEdge", home, config, network);
        MailStack mail = new MailStack(app, p + "Mail", home, config);
        InboundMailStack inbound = new InboundMailStack(app, p + "InboundMail", props(config, config.inboundRegion()),
                config);
        ServicesStack services = new ServicesStack(app, p + "Services", home, config, network, data, terminals, member,
                mail);
        Tags.of(app).add("suite", config.prefix());
        return new Stacks(network, data, terminals, member, mail, inbound, services);
    }

    private static StackProps props(SuiteConfig config, String region) {
        return StackProps.builder()
                .env(Environment.builder().account(config.account()).region(region).build())
                .build();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1).replace("-", "");
    }
}
