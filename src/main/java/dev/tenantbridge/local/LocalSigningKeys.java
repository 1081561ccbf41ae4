package dev.tenantbridge.local;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A throw-away RSA key pair for dev mode and tests, made once per JVM and never written to disk. Tokens signed
 * with it are trusted only by this process.
 */
final class LocalSigningKeys {

    private static final String PUBLIC_PROPERTY = "dev.tenantbridge.local.public-key";
    private static final String PRIVATE_PROPERTY = "dev.tenantbridge.local.private-key";

    private LocalSigningKeys() {}

    static synchronized Map<String, String> config() {
        if (System.getProperty(PUBLIC_PROPERTY) == null) {
            KeyPair pair = generate();
            System.setProperty(
                    PUBLIC_PROPERTY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.setProperty(
                    PRIVATE_PROPERTY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        return Map.of(
                "mp.jwt.verify.publickey", System.getProperty(PUBLIC_PROPERTY),
                "smallrye.jwt.sign.key", System.getProperty(PRIVATE_PROPERTY));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----";
    }
}
