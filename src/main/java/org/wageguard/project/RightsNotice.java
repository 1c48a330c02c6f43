package org.wageguard.project;

/**
 * What a project's rights notice (维权信息告示牌) must show under 《保障农民工工资支付条例》第三十四条: the parties and the
 * wage officer (劳资专管员), the local minimum wage and the pay day, the complaint channels of the industry department
 * and of labor inspection, the channels to apply for labor-dispute mediation and arbitration and for legal aid. The
 * same facts feed the public notice page ({@code /portal/notice}) and the printable A3 board with its QR code.
 * Empty values are not shown; {@code wageOfficerPhone} is only filled for the printed board (see {@link RightsNotices}).
 *
 * @param noticeUrl the absolute address of the project's public notice page, from {@code wageguard.portal.public-base-url}
 */
public record RightsNotice(ProjectSummary project, String noticeUrl, String wageOfficerName, String wageOfficerPhone,
        String bankName, String payDay, String minimumWage, String hotline, String localHotline, String inspectionBureau,
        String inspectionAddress, String arbitration, String legalAid) {

    /** The national human resources and social security service hotline. */
    public static final String NATIONAL_HOTLINE = "12333";

    /** The article the board and the notice page rest on. */
    public static final String BASIS = "《保障农民工工资支付条例》第三十四条";
}
