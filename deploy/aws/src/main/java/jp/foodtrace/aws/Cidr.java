package jp.foodtrace.aws;

/** An IPv4 CIDR block, enough to check that a configured address lies in a subnet. */
public record Cidr(long network, int prefixLength) {

    public static Cidr parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CIDR block: " + text);
        }
        int length = Integer.parseInt(parts[1]);
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        return new Cidr(address(parts[0]) & mask(length), length);
    }

    public boolean contains(String address) {
        return (address(address) & mask(prefixLength)) == network;
    }

    static long address(String dotted) {
        String[] octets = dotted.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = (value << 8) | part;
        }
        return value;
    }

    private static long mask(int length) {
        return length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    }
}
