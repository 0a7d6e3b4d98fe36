package io.kanzen.core.internal.secrets;

import io.kanzen.core.KanzenException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens secrets with AES-256-GCM. The key lives in {@code data/encryption_key} (base64, mode 0600),
 * created on first use. A sealed value reads {@code enc:v1:<key id>:<base64 of iv + ciphertext + tag>}; the
 * key id (first bytes of the key's SHA-256) lets a wrong key be told apart from damaged data.
 */
public final class SecretCipher {
    public static final String KEY_FILE = "encryption_key";
    private static final String PREFIX = "enc:v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;
    private final String keyId;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(byte[] keyBytes, Path keyFile) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.keyId = keyIdOf(keyBytes);
        this.keyFile = keyFile;
    }

    /** Reads the key in {@code dataDirectory}, creating a random one (mode 0600) when there is none. */
    public static SecretCipher loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    private static void create(Path file) {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(KEY_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (isPosix(file.getParent())) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            try {
                // no REPLACE_EXISTING: if another process created the key meanwhile, theirs wins
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new KanzenException("cannot create the encryption key " + file + ": " + e.getMessage(), e);
        }
    }

    private static SecretCipher load(Path file) {
        byte[] bytes;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            bytes = Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw new KanzenException("cannot read the encryption key " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KanzenException("the encryption key " + file + " is damaged (not base64); restore it from a backup, or run 'kanzen secrets reset' to clear the secrets it sealed", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new KanzenException("the encryption key " + file + " is damaged: it holds " + bytes.length
                    + " bytes where a 256-bit key has 32; restore it from a backup, or run 'kanzen secrets reset' to clear the secrets it sealed");
        }
        try {
            io.kanzen.core.internal.storage.PrivateFiles.restrict(file); // an older install may have left it readable by others
        } catch (IOException e) {
            // reading worked; a mode we cannot change is the file system's (not POSIX, not ours)
        }
        return new SecretCipher(bytes, file);
    }

    private static boolean isPosix(Path dir) {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    private static String keyIdOf(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plain) {
        if (plain == null) {
            throw new IllegalArgumentException("nothing to seal");
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /**
     * Opens a value made by {@link #seal(String)}.
     *
     * @throws KanzenException naming the cause when the key is another one or the value is damaged
     */
    public String open(String sealed) {
        if (!isSealed(sealed)) {
            throw new KanzenException("this secret is not encrypted in a form Kanzen knows");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new KanzenException("an encrypted secret is damaged (no key id)");
        }
        String id = rest.substring(0, colon);
        if (!id.equals(keyId)) {
            throw new KanzenException("a secret was encrypted with another key (id " + id + ") than " + keyFile
                    + " (id " + keyId + "): restore the original key file, or enter the secret again");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new KanzenException("an encrypted secret is damaged (not base64)", e);
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new KanzenException("an encrypted secret is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new KanzenException("an encrypted secret does not match the key " + keyFile
                    + " (damaged data or a changed key): enter the secret again", e);
        } catch (GeneralSecurityException e) {
            throw new KanzenException("an encrypted secret cannot be opened: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return keyId;
    }
}
