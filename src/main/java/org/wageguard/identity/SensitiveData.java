package org.wageguard.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.crypto.BlindIndex;
import org.wageguard.shared.crypto.FieldCipher;

/**
 * ID, card and mobile numbers at rest: encrypted (AES-GCM or SM4, key id in each value for rotation) with a
 * keyed hash beside them for exact lookup. Revealing a full value is a permission and always audited.
 */
@Service
public class SensitiveData {

    private final FieldCipher cipher;
    private final BlindIndex index;
    private final OperationLog operationLog;

    SensitiveData(FieldCipher cipher, BlindIndex index, OperationLog operationLog) {
        this.cipher = cipher;
        this.index = index;
        this.operationLog = operationLog;
    }

    public String encrypt(String plaintext) {
        return plaintext == null ? null : cipher.encrypt(plaintext);
    }

    /** The keyed hash to store beside the ciphertext and to search by. */
    public String index(String normalisedValue) {
        return normalisedValue == null ? null : index.hash(normalisedValue);
    }

    /**
     * Decrypts for a full view and writes the audit record of who saw which field of which record. The caller
     * has checked the permission and the data scope.
     */
    @Transactional
    public String reveal(String ciphertext, String targetType, Object targetId, String field) {
        if (ciphertext == null) {
            return null;
        }
        operationLog.record("SENSITIVE_VIEW", targetType, targetId, "查看完整" + field);
        return cipher.decrypt(ciphertext);
    }

    /** Decrypts for internal processing (matching, masking); never for display in full. */
    public String decryptForProcessing(String ciphertext) {
        return ciphertext == null ? null : cipher.decrypt(ciphertext);
    }
}
