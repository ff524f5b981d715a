package jp.foodtrace.platform;

/**
 * The five services of the suite: module folder, local HTTP port, local management port (health,
 * metrics, OpenAPI: {@code /q/*} is served only there) and PostgreSQL schema/role.
 */
public enum SuiteService {
    TERMINAL_GATEWAY("terminal-gateway", 8081, 9081),
    ORDER_SERVICE("order-service", 8082, 9082),
    SYNC_SERVICE("sync-service", 8083, 9083),
    MAIL_SERVICE("mail-service", 8084, 9084),
    BOUNCE_SERVICE("bounce-service", 8085, 9085);

    private final String module;
    private final int localPort;
    private final int localManagementPort;

    SuiteService(String module, int localPort, int localManagementPort) {
        this.module = module;
        this.localPort = localPort;
        this.localManagementPort = localManagementPort;
    }

    public String module() {
        return module;
    }

    public int localPort() {
        return localPort;
    }

    public int localManagementPort() {
        return localManagementPort;
    }

    /** Schema and login role of the service; the role owns the schema and nothing else. */
    public String schema() {
        return module.replace('-', '_');
    }

    public static SuiteService byModule(String module) {
        for (SuiteService service : values()) {
            if (service.module.equals(module)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service " + module);
    }
}
