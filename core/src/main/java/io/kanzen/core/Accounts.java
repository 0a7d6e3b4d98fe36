package io.kanzen.core;

import io.kanzen.core.internal.secrets.SecretCipher;
import io.kanzen.core.internal.storage.Database;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The administrator of the web UI and the API key. The first start has no account: the server asks for one on
 * the first visit (or takes {@code KANZEN_ADMIN_PASSWORD}). Passwords are stored as PBKDF2-HMAC-SHA256 hashes
 * (210,000 rounds, 16-byte salt); the API key is sealed with the data directory's key.
 */
public final class Accounts {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Accounts.class);
    static final int ROUNDS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final SecretCipher cipher;
    private final Clock clock;
    /** The opened key, so that each API call does not open the sealed one again. */
    private volatile String cachedKey;

    Accounts(Database db, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Whether an administrator exists yet. */
    public boolean isSetUp() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM account"); ResultSet r = s.executeQuery()) {
                return r.next() && r.getInt(1) > 0;
            }
        });
    }

    /** Creates the administrator; refused once one exists (changing a password is {@link #changePassword}). */
    public synchronized void setUp(String username, String password) {
        if (isSetUp()) {
            throw new KanzenException("admin.exists", KanzenException.pairs(), "the administrator already exists");
        }
        checkPassword(password);
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new KanzenException("username.invalid", KanzenException.pairs(), "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        String hash = hash(password);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO account (username, password_hash, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, username);
                s.setString(2, hash);
                s.setString(3, Instant.now(clock).toString());
                s.executeUpdate();
            }
            return null;
        });
        apiKey(); // made with the account, so the settings page can show it at once
    }

    /** Whether the user name and password are right; takes the same time for an unknown user. */
    public boolean verify(String username, String password) {
        Optional<String> stored = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
                s.setString(1, username == null ? "" : username);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
        String hash = stored.orElse("pbkdf2-sha256$" + ROUNDS + "$AAAAAAAAAAAAAAAAAAAAAA==$AAAA");
        boolean ok = matches(password == null ? "" : password, hash);
        return stored.isPresent() && ok;
    }

    public void changePassword(String username, String oldPassword, String newPassword) {
        if (!verify(username, oldPassword)) {
            throw new KanzenException("password.wrong", KanzenException.pairs(), "the current password is wrong");
        }
        checkPassword(newPassword);
        String hash = hash(newPassword);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET password_hash = ? WHERE username = ?")) {
                s.setString(1, hash);
                s.setString(2, username);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The administrator's user name, once one exists. */
    public Optional<String> administrator() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username FROM account ORDER BY created_at LIMIT 1"); ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Replaces the API key with a new random one and returns it; the old one stops working at once. */
    public synchronized String rotateApiKey() {
        String key = newKey();
        String seal = cipher.seal(key);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO api_key (id, sealed, created_at) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, created_at = excluded.created_at")) {
                s.setString(1, seal);
                s.setString(2, Instant.now(clock).toString());
                s.executeUpdate();
            }
            return null;
        });
        cachedKey = key;
        return key;
    }

    /** The API key, made on first use. */
    public synchronized String apiKey() {
        Optional<String> sealed = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT sealed FROM api_key WHERE id = 1"); ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
        });
        if (sealed.isPresent()) {
            cachedKey = cipher.open(sealed.get());
            return cachedKey;
        }
        String key = newKey();
        String seal = cipher.seal(key);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO api_key (id, sealed, created_at) VALUES (1, ?, ?)")) {
                s.setString(1, seal);
                s.setString(2, Instant.now(clock).toString());
                s.executeUpdate();
            }
            return null;
        });
        cachedKey = key;
        return key;
    }

    private static String newKey() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /**
     * Whether {@code candidate} is the API key, compared in constant time. Never throws: an unauthenticated caller
     * must not learn why the key cannot be read (a path, a key id), only that it is not let in.
     */
    public boolean isApiKey(String candidate) {
        if (candidate == null || candidate.isBlank() || !isSetUp()) {
            return false;
        }
        String key;
        try {
            key = cachedKey != null ? cachedKey : apiKey();
        } catch (RuntimeException e) {
            LOG.error("the API key cannot be read: {}", e.getMessage());
            return false;
        }
        return MessageDigest.isEqual(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw new KanzenException("password.tooShort", KanzenException.pairs("min", 8), "a password has at least 8 characters");
        }
    }

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ROUNDS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ROUNDS));
    }

    static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && expected.length == 32;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int rounds) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(password.toCharArray(), salt, rounds, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
