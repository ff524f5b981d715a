package jp.foodtrace.gateway.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void cidrMatchesItsNetworkOnly() {
        Cidr cidr = Cidr.parse("10.20.0.0/16");
        assertTrue(cidr.contains("10.20.255.1"));
        assertFalse(cidr.contains("10.21.0.1"));
        assertTrue(Cidr.parse("10.1.2.3").contains("10.1.2.3"));
        assertFalse(Cidr.parse("10.1.2.3").contains("10.1.2.4"));
        assertTrue(Cidr.parse("127.0.0.1").contains("::ffff:127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com"));
    }
}
