-- Issue 16, "compliance is typed in where it should be derived".
-- The rights-notice board (Decree 724 Art. 34 (3)) must show the channels to apply for labour-dispute mediation and
-- arbitration and for legal aid besides the complaint hotline.
ALTER TABLE compliance_item ADD COLUMN board_arbitration VARCHAR(100);
ALTER TABLE compliance_item ADD COLUMN board_legal_aid VARCHAR(100);
COMMENT ON COLUMN compliance_item.board_arbitration IS '告示牌：劳动争议调解仲裁申请渠道';
COMMENT ON COLUMN compliance_item.board_legal_aid IS '告示牌：法律援助申请渠道';
COMMENT ON COLUMN compliance_item.roster_kept IS '已不使用：实名制管理由系统中的花名册和考勤数据判断';

-- A subcontractor's authorisation of the general contractor to pay its workers' wages through the special account
-- (分包单位农民工工资委托施工总承包单位代发, Decree 724 Art. 31): the document and the day it was signed.
ALTER TABLE project_subcontractor ADD COLUMN pay_authorised_on DATE;
ALTER TABLE project_subcontractor ADD COLUMN pay_authorisation_document VARCHAR(200);
ALTER TABLE project_subcontractor ADD COLUMN pay_authorisation_recorded_by VARCHAR(64);
ALTER TABLE project_subcontractor ADD CONSTRAINT project_subcontractor_authorisation_whole
    CHECK ((pay_authorised_on IS NULL) = (pay_authorisation_document IS NULL));
COMMENT ON COLUMN project_subcontractor.pay_authorised_on IS '委托总承包单位代发工资的委托书签订日期';
COMMENT ON COLUMN project_subcontractor.pay_authorisation_document IS '委托书（名称或编号）';
