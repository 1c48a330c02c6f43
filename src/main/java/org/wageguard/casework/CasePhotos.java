package org.wageguard.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.Rows;

/**
 * Photos that come with a clue — from a grid worker or from the workers' portal — kept with the case for the
 * officers who handle it. A photo is recognised by its first bytes (JPEG or PNG), never by its name or the type the
 * browser claims, and is at most {@value #MAX_BYTES} bytes; at most {@value #MAX_PHOTOS} come with one clue.
 */
@Service
@Transactional(readOnly = true)
public class CasePhotos {

    public static final int MAX_PHOTOS = 3;
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Where the photos came from. */
    public enum Source { GRID, PORTAL }

    /** A file as uploaded: its name and its bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    public record Photo(long id, String fileName, String contentType, int sizeBytes, String source) {
    }

    public record Content(String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    CasePhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** JPEG or PNG by the file's first bytes; {@code null} for anything else. */
    public static String sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    /**
     * The uploads that are files at all (an empty file input sends an empty part), checked.
     *
     * @throws CaseRuleException naming the file that is too large or not a photo, or too many files
     */
    public List<Upload> checked(List<Upload> uploads) {
        List<Upload> files = uploads == null ? List.of()
                : uploads.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        if (files.size() > MAX_PHOTOS) {
            throw CaseRuleException.of("photo.tooMany", MAX_PHOTOS);
        }
        for (Upload u : files) {
            if (u.content().length > MAX_BYTES) {
                throw CaseRuleException.of("photo.tooLarge", name(u), MAX_BYTES / 1024 / 1024);
            }
            if (sniff(u.content()) == null) {
                throw CaseRuleException.of("photo.notPhoto", name(u));
            }
        }
        return files;
    }

    /** Keeps the photos with the case, in the caller's transaction (checked again here). */
    @Transactional
    public void attach(long caseId, Source source, List<Upload> uploads) {
        String actor = CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
        for (Upload u : checked(uploads)) {
            jdbc.sql("""
                    INSERT INTO case_photo (case_id, file_name, content_type, size_bytes, content, source, created_by, updated_by)
                    VALUES (:c, :name, :type, :size, :content, :source, :actor, :actor)
                    """).param("c", caseId).param("name", name(u)).param("type", sniff(u.content()))
                    .param("size", u.content().length).param("content", u.content()).param("source", source.name())
                    .param("actor", actor).update();
        }
    }

    /** The case's photos, without their content. Callers check that the officer may see the case. */
    public List<Photo> of(long caseId) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, source FROM case_photo WHERE case_id = :c ORDER BY id")
                .param("c", caseId).query(Rows.of(Photo.class)).list();
    }

    /** One photo of the case. Callers check that the officer may see the case. */
    public Optional<Content> content(long caseId, long photoId) {
        return jdbc.sql("SELECT content_type, content FROM case_photo WHERE id = :id AND case_id = :c")
                .param("id", photoId).param("c", caseId)
                .query((rs, n) -> new Content(rs.getString("content_type"), rs.getBytes("content"))).optional();
    }

    private static String name(Upload u) {
        String n = u.fileName() == null || u.fileName().isBlank() ? "photo" : u.fileName().strip();
        n = n.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b == null || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
