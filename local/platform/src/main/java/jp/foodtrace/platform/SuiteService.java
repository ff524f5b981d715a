package jp.foodtrace.platform;

/** The five services of the suite: module folder, local HTTP port and PostgreSQL schema/role. */
public enum SuiteService {
    TERMINAL_GATEWAY("terminal-gateway", 8081),
    ORDER_SERVICE("order-service", 8082),
    SYNC_SERVICE("sync-service", 8083),
    MAIL_SERVICE("mail-service", 8084),
    BOUNCE_SERVICE("bounce-service", 8085);

    private final String module;
    private final int localPort;

    SuiteService(String module, int localPort) {
        this.module = module;
        this.localPort = localPort;
    }

    public String module() {
        return module;
    }

    public int localPort() {
        return localPort;
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
