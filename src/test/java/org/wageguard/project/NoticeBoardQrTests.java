package org.wageguard.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

/**
 * 《保障农民工工资支付条例》第三十四条: the rights-notice board (维权信息告示牌) of a project, printed on A3, carries the
 * QR code of the project's public notice page and the channels the article requires. The QR code is read back from the
 * rendered page with ZXing, as a worker's phone would read it.
 */
@DemoApplicationTest
class NoticeBoardQrTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long project(String code) {
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long revealed(long projectId) {
        return jdbc.sql("""
                SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW' AND target_type = 'project'
                   AND target_id = :id AND username = 'zongbao'""").param("id", String.valueOf(projectId))
                .query(Long.class).single();
    }

    byte[] board(String username, long projectId) throws Exception {
        return mvc.perform(get("/projects/" + projectId + "/notice-board.pdf").with(logins.as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void decree724Art34_boardIsA3AndItsQrCodeDecodesToTheProjectsNoticePage() throws Exception {
        long id = project("YJ-2021-004");
        long revealed = revealed(id);
        byte[] pdf = board("zongbao", id);
        // the wage officer's phone is printed in full, so the download is in the operation log
        assertThat(revealed(id)).isEqualTo(revealed + 1);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            // A3: 297 × 420 mm = 841.9 × 1190.6 points
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A3.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getHeight()).isCloseTo(PDRectangle.A3.getHeight(), org.assertj.core.data.Offset.offset(1f));
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 60), "png",
                    java.nio.file.Path.of("target", "screenshots", "notice-board-a3-mockmvc.png").toFile());
            String decoded = decode(image);
            // MockMvc's requests come in through http://localhost (public-base-url is not set in the demo)
            assertThat(decoded).isEqualTo("http://localhost/portal/notice?code=YJ-2021-004");
            // the text without the line breaks the layout puts in
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).contains("维权信息告示牌").contains("12333").contains("沅江市劳动保障监察局")
                    .contains("沅江市法律援助中心").contains("劳动争议调解仲裁申请渠道").contains("第三十四条");
            String name = jdbc.sql("SELECT name FROM project WHERE id = :id").param("id", id).query(String.class).single();
            assertThat(text).contains(name.replaceAll("\\s", "")).contains("被拖欠工资请拨打12333");
        }
    }

    @Test
    void decree724Art34_eachProjectsBoardOpensItsOwnNoticePage() throws Exception {
        long other = project("YJ-2021-003");
        try (PDDocument document = Loader.loadPDF(board("zhiqianban", other))) {
            assertThat(decode(new PDFRenderer(document).renderImageWithDPI(0, 100)))
                    .isEqualTo("http://localhost/portal/notice?code=YJ-2021-003");
        }
    }

    @Test
    void aContractorsWageOfficerGetsNoBoardOfAnotherContractorsProject() throws Exception {
        long away = project("YJ-2021-003"); // 益阳路桥建设有限公司's project, not zongbao's contractor's
        mvc.perform(get("/projects/" + away + "/notice-board.pdf").with(logins.as("zongbao")))
                .andExpect(status().isNotFound());
    }

    static String decode(BufferedImage image) throws com.google.zxing.ReaderException {
        return QrDecoding.decode(image);
    }
}
