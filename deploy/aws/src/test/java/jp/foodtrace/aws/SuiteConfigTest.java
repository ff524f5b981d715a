package jp.foodtrace.aws;

import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteConfigTest {

    @Test
    void terminalRangeOpenToTheWholeInternetIsRefused() {
        SuiteConfig.Terminal open = new SuiteConfig.Terminal(List.of("0.0.0.0/0"), CONFIG.terminal().nlbAddresses(),
                443, CONFIG.terminal().certificateArn(), SuiteConfig.ClientAddress.PRESERVE_CLIENT_IP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CONFIG.withTerminal(open).validate());
        assertTrue(e.getMessage().contains("0.0.0.0/0"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        SuiteConfig.Terminal bad = new SuiteConfig.Terminal(List.of(), List.of("192.0.2.1"), 443,
                CONFIG.terminal().certificateArn(), SuiteConfig.ClientAddress.PRESERVE_CLIENT_IP);
        SuiteConfig.ClosedNetwork noTgw = new SuiteConfig.ClosedNetwork(SuiteConfig.Attachment.TGW, null, null, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CONFIG.withTerminal(bad).withClosedNetwork(noTgw).validate());
        assertTrue(e.getMessage().contains("one address per availability zone"), e.getMessage());
        assertTrue(e.getMessage().contains("terminalCidrs must not be empty"), e.getMessage());
        assertTrue(e.getMessage().contains("outside the VPC"), e.getMessage());
        assertTrue(e.getMessage().contains("transitGatewayId"), e.getMessage());
    }

    @Test
    void theOpsConsoleNeedsTheOperatorsNetworkAndNeverTheWholeInternet() {
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> CONFIG.withOperations(
                new SuiteConfig.Operations(List.of("0.0.0.0/0"), CONFIG.operations().certificateArn())).validate());
        assertTrue(open.getMessage().contains("operations.cidrs must not contain 0.0.0.0/0"), open.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CONFIG.withOperations(null).validate());
        assertTrue(missing.getMessage().contains("operations.cidrs"), missing.getMessage());
        assertTrue(missing.getMessage().contains("operations.certificateArn"), missing.getMessage());
    }

    @Test
    void spanExportNeedsACollectorAddressAndAShareBetweenZeroAndOne() {
        SuiteConfig.Services services = CONFIG.services();
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> CONFIG.withServices(
                new SuiteConfig.Services(services.minTasks(), services.cpu(), services.memoryMiB(),
                        new SuiteConfig.Tracing("collector:4317", 1.5))).validate());
        assertTrue(bad.getMessage().contains("services.tracing.otlpEndpoint"), bad.getMessage());
        assertTrue(bad.getMessage().contains("services.tracing.sampleRatio"), bad.getMessage());
        // Without tracing settings nothing is exported, and the configuration is valid.
        CONFIG.withServices(new SuiteConfig.Services(services.minTasks(), services.cpu(), services.memoryMiB(), null))
                .validate();
    }

    @Test
    void cidrContainment() {
        assertTrue(Cidr.parse("10.20.1.0/24").contains("10.20.1.10"));
        assertFalse(Cidr.parse("10.20.1.0/24").contains("10.20.2.10"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("198.51.100.1"));
    }
}
