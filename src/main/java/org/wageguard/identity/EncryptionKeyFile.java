package org.wageguard.identity;

import java.nio.file.Path;

/**
 * Where the key file that encrypts ID, card and mobile numbers at rest lives ({@code wageguard.crypto.key-file}, as
 * bound once at start). A backup without it cannot be read, so the backup takes it along.
 */
public record EncryptionKeyFile(Path path) {
}
