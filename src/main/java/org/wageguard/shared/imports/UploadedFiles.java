package org.wageguard.shared.imports;

import org.springframework.web.multipart.MultipartFile;
import org.wageguard.shared.SharedMessages;

/**
 * The first check of every web upload: no file chosen ("请选择要导入的文件。") is told apart from a chosen file that
 * is empty ("文件“x.csv”为空（0 字节）…"), so an officer who picked the wrong file learns which it was.
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    /** Why the upload cannot be read at all, in Chinese, or {@code null} when there is a file with content. */
    public static String problem(MultipartFile file) {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return SharedMessages.chinese("upload.noFile");
        }
        if (file.isEmpty()) {
            return SharedMessages.chinese("upload.emptyFile", (Object) file.getOriginalFilename());
        }
        return null;
    }
}
