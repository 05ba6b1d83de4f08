package dev.meshprov.cde;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;

/** Key pairs for CDP request signing tests, generated once per JVM. */
public final class TestKeys {

    public static final String ACCESS_KEY_ID = "4f4bb5d0-7c0c-4a55-b3a1-1a2b3c4d5e6f";
    public static final KeyPair ED25519 = generate("Ed25519", 0);
    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair ECDSA = generate("EC", 256);

    private TestKeys() {}

    /** The Ed25519 private key as CDP issues it: the base64 of the 32-byte seed. */
    public static String ed25519Seed() {
        return Base64.getEncoder()
                .encodeToString(
                        ((EdECPrivateKey) ED25519.getPrivate()).getBytes().orElseThrow());
    }

    /** The RSA private key as PKCS#8 PEM. */
    static String rsaPem() {
        return pem(RSA);
    }

    /** The EC private key as PKCS#8 PEM, as CDP issues ecdsav1 keys. */
    static String ecdsaPem() {
        return pem(ECDSA);
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (size > 0) {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
