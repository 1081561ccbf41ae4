package dev.tenantbridge.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A throw-away RSA key pair for one benchmark run: the service under test trusts its public half, and the
 * harness signs RS256 tokens with the private half, exactly as an identity provider would.
 */
final class SigningKey {

    static final String ISSUER = "tenant-bridge-bench";

    private final KeyPair pair;

    SigningKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.pair = generator.generateKeyPair();
    }

    /** The public key in PEM, for {@code mp.jwt.verify.publickey}. */
    String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }

    /** A token valid for a few hours, for a tenant (or none, when null) and one role. */
    String token(String tenant, String role) {
        long now = Instant.now().getEpochSecond();
        String tenantClaim = tenant == null ? "" : ",\"tenant_id\":\"" + tenant + "\"";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"bench-" + role + "\",\"groups\":" + quoted(role)
                + ",\"iat\":" + now + ",\"exp\":" + (now + 6 * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\""
                + tenantClaim + "}";
        String unsigned = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        return unsigned + "." + sign(unsigned);
    }

    private String sign(String unsigned) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    private static String quoted(String role) {
        return "[\"" + String.join("\",\"", List.of(role)) + "\"]";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
