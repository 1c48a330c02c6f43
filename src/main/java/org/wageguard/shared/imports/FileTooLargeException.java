package org.wageguard.shared.imports;

/**
 * The upload is larger than its limit: reading stopped as soon as the limit was crossed, the rest was never read.
 * An API answers it with 413.
 */
public class FileTooLargeException extends UnreadableFileException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("文件过大：超过 " + Limits.megabytes(limit) + " 的上限，已停止接收；请分成几个文件导入。");
        this.limit = limit;
    }

    /** The limit in bytes that was crossed. */
    public long limit() {
        return limit;
    }
}
