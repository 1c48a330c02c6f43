/** Field encryption at rest: {@link org.wageguard.shared.crypto.FieldCipher} tokens naming algorithm and key for rotation, a keyed {@link org.wageguard.shared.crypto.BlindIndex} for lookup, and the key file ({@link org.wageguard.shared.crypto.KeyFiles}); pure Java, wired by identity. */
package org.wageguard.shared.crypto;
