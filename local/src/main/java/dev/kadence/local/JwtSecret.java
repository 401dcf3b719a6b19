package dev.kadence.local;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The key the functions sign and check JWTs with on this laptop: made once, kept in a file only its owner reads. */
final class JwtSecret {

    private static final int BYTES = 48;

    private JwtSecret() {
    }

    static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file).trim();
                if (!secret.isEmpty()) {
                    return secret;
                }
            }
            byte[] bytes = new byte[BYTES];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            writeOwnerOnly(file, secret);
            return secret;
        } catch (IOException e) {
            throw new StartupFailure("cannot read or write the JWT secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written to a 0600 file beside the target and moved into place, so it is never readable by others. */
    private static void writeOwnerOnly(Path file, String secret) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.toAbsolutePath().getParent();
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        Path temporary = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, secret + "\n");
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
