package jp.foodtrace.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The simulated fleet's registry file, in the gateway's import format
 * ({@code terminal_id,store_code,source,key}). Every terminal gets its own address in
 * 127.20.0.0/16 — on Linux the whole of 127.0.0.0/8 is local, so each simulated terminal really
 * sends from its registered address. The file is made once per fleet size and reused, so the
 * gateway's registry and the simulator agree across runs.
 */
public final class FleetRegistry {

    public static final String HEADER = "terminal_id,store_code,source,key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FleetRegistry() {
    }

    public static List<FleetTerminal> loadOrCreate(Path file, int size) throws IOException {
        if (Files.isRegularFile(file)) {
            List<FleetTerminal> fleet = read(file);
            if (fleet.size() == size) {
                return fleet;
            }
        }
        List<FleetTerminal> fleet = generate(size);
        Files.createDirectories(file.getParent());
        Files.writeString(file, toCsv(fleet), StandardCharsets.UTF_8);
        return fleet;
    }

    public static List<FleetTerminal> generate(int size) {
        if (size < 1 || size > 60_000) {
            throw new IllegalArgumentException("fleet size must be 1-60000");
        }
        List<FleetTerminal> fleet = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            fleet.add(new FleetTerminal(String.format("T%05d", i + 1), String.format("S%05d", i + 1), address(i),
                    HexFormat.of().formatHex(key)));
        }
        return fleet;
    }

    /** 127.20.x.y, never .0 or .255 in the last octet. */
    static String address(int index) {
        return "127.20." + (index / 250) + "." + (index % 250 + 1);
    }

    public static String toCsv(List<FleetTerminal> fleet) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (FleetTerminal t : fleet) {
            csv.append(t.terminalId()).append(',').append(t.storeCode()).append(',').append(t.address()).append(',')
                    .append(t.key()).append('\n');
        }
        return csv.toString();
    }

    static List<FleetTerminal> read(Path file) throws IOException {
        List<FleetTerminal> fleet = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("terminal_id")) {
                continue;
            }
            String[] f = line.split(",");
            fleet.add(new FleetTerminal(f[0], f[1], f[2], f[3]));
        }
        return fleet;
    }
}
