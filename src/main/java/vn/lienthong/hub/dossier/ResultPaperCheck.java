package vn.lienthong.hub.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verification of one result paper a dossier event names by its reference in the national store of digitised
 * documents ({@code DanhSachGiayToKetQua[].MaKetQua}), made when the event was accepted.
 *
 * @param documentId     the store's id of the paper
 * @param status         {@code VALID}, {@code INDETERMINATE}, {@code INVALID} (its signatures' outcome), or
 *                       {@code NOT_VERIFIED} when the store could not give it (the error code says why)
 * @param validity       the paper's validity today ({@code valid}, {@code expired}, {@code invalid}), or null
 * @param errorCode      for NOT_VERIFIED, the error ({@code NOT_FOUND}, {@code NATIONAL_TIMEOUT}, …); for a file
 *                       that is not the one the store recorded, {@code PAPER_FILE_MISMATCH}; else null
 * @param reason         why it is not VALID, or null
 * @param documentSha256 SHA-256 of the file verified, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultPaperCheck(String documentId, String status, String validity, String errorCode, String reason,
        String documentSha256) {
}
